/**
 * Every page of one of Exist's DRF-style lists (`count`, absolute `next`).
 * https://developer.exist.io/reference/attributes/
 */
import { ExistError } from "@/lib/exist/errors";

export type Page<T> = { count: number; next: string | null; results: T[] };

/** A bound on pages per list, so a wrong `count` cannot make us send thousands of requests. */
export const MAX_PAGES = 50;

/**
 * Fetches the first page, then, once `count` is known, every other page in parallel. Page URLs
 * are built from Exist's own `next` link, which is only used when it points at `baseUrl`
 * (EXIST_BASE_URL): the bearer token must never go anywhere else.
 */
export async function fetchAllPages<T>(
  firstUrl: URL,
  baseUrl: string,
  getPage: (url: URL) => Promise<Page<T>>,
): Promise<T[]> {
  const first = await getPage(firstUrl);
  if (first.next === null) return first.results;

  const next = linkUnder(first.next, baseUrl);
  const pageSize = first.results.length;
  if (pageSize === 0) {
    throw new ExistError("invalid_response", "Exist sent an empty page with a next link.");
  }
  const pageCount = Math.ceil(first.count / pageSize);
  if (pageCount > MAX_PAGES) {
    throw new ExistError("invalid_response", `Exist listed more than ${MAX_PAGES} pages.`);
  }
  const urls = Array.from({ length: Math.max(pageCount - 1, 1) }, (_, index) => {
    const url = new URL(next);
    url.searchParams.set("page", String(index + 2));
    return url;
  });
  const rest = await Promise.all(urls.map(getPage));
  return [first, ...rest].flatMap((page) => page.results);
}

/** `link` as a URL when it is an absolute link under `baseUrl` (same origin, same base path). */
function linkUnder(link: string, baseUrl: string): URL {
  const base = new URL(baseUrl);
  const url = URL.canParse(link) ? new URL(link) : undefined;
  const basePath = base.pathname.replace(/\/+$/, "");
  if (url?.origin !== base.origin || !url.pathname.startsWith(`${basePath}/`)) {
    throw new ExistError("invalid_response", "Exist's paging link points at another server.");
  }
  return url;
}
