/**
 * Django REST framework's page-number paging, which Exist's lists use:
 * `{ count, next, previous, results }`, absolute links, default 20 a page, at most 100.
 */
import { MAX_PAGE_LIMIT } from "./exist-facts";

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = MAX_PAGE_LIMIT;

export type Page<T> = { count: number; next: string | null; previous: string | null; results: T[] };

/** DRF's `?flag=true` reading: true/1/yes/on or false/0/no/off; anything else is "not given". */
export function readFlag(value: string | undefined): boolean | undefined {
  const normalised = value?.trim().toLowerCase();
  if (normalised === undefined) return undefined;
  if (["true", "1", "yes", "on"].includes(normalised)) return true;
  if (["false", "0", "no", "off"].includes(normalised)) return false;
  return undefined;
}

/** Comma-separated list → names, or undefined when the parameter is absent or empty. */
export function readList(value: string | undefined): Set<string> | undefined {
  const names = (value ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  return names.length ? new Set(names) : undefined;
}

function readLimit(value: string | null): number {
  const limit = value !== null && /^\d+$/.test(value.trim()) ? Number(value) : 0;
  if (limit <= 0) return DEFAULT_LIMIT;
  return Math.min(limit, MAX_LIMIT);
}

function pageLink(url: URL, origin: string, page: number): string {
  const link = new URL(url.pathname + url.search, origin);
  if (page === 1) link.searchParams.delete("page");
  else link.searchParams.set("page", String(page));
  return link.toString();
}

/**
 * One page of `items` for the request at `requestUrl`, with links on `origin`; null when the
 * page does not exist (DRF answers 404 `{"detail": "Invalid page."}`).
 */
export function paginate<T>(
  items: readonly T[],
  requestUrl: string,
  origin: string,
): Page<T> | null {
  const url = new URL(requestUrl);
  const limit = readLimit(url.searchParams.get("limit"));
  const rawPage = url.searchParams.get("page") ?? "1";
  if (!/^\d+$/.test(rawPage.trim())) return null;
  const page = Number(rawPage);
  const pages = Math.max(1, Math.ceil(items.length / limit));
  if (page < 1 || page > pages) return null;
  return {
    count: items.length,
    next: page < pages ? pageLink(url, origin, page + 1) : null,
    previous: page > 1 ? pageLink(url, origin, page - 1) : null,
    results: items.slice((page - 1) * limit, page * limit),
  };
}
