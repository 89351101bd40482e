/**
 * What the import specs share: the person's days in Auckland, a wide file's planned values as
 * the page sends them, and the sandbox's values read straight from it.
 */
import type { ImportDraftBody, ImportResponse, Value } from "../../lib/api/contract";
import { sandbox } from "../sandbox";

export const UPDATE = "/api/2/attributes/update/";

/** The person's day in Auckland `offset` days from today, whatever this machine's zone. */
export function aucklandDay(offset = 0): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Pacific/Auckland" }).format(
    new Date(),
  );
  const day = new Date(`${today}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + offset);
  return day.toISOString().slice(0, 10);
}

/** `count` days ending yesterday (Auckland), oldest first. */
export const lastDays = (count: number) =>
  Array.from({ length: count }, (_, index) => aucklandDay(index - count));

/** Every value the sandbox holds for `name`, by day (values/ pages, 100 a page). */
export async function sandboxValues(accessToken: string, name: string) {
  const values = new Map<string, Value>();
  for (let page = 1; ; page += 1) {
    const url = `${sandbox.url}/api/2/attributes/values/?attribute=${name}&limit=100&page=${page}`;
    const answer = await fetch(url, { headers: { Authorization: `Bearer ${accessToken}` } });
    const body = (await answer.json()) as {
      next: string | null;
      results: Array<{ date: string; value: Value }>;
    };
    for (const { date, value } of body.results) values.set(date, value);
    if (!body.next) return values;
  }
}

export type Column = { name: string; label: string; valueType: number; values: Value[] };

/**
 * A column's values: `file(index)` on each of `days`, but on the first `keep` days the sandbox
 * holds a value for `name`, that value as it is (so the preview counts them unchanged).
 */
export async function keptValues(
  accessToken: string,
  name: string,
  days: string[],
  keep: number,
  file: (index: number) => Value,
): Promise<Value[]> {
  const current = await sandboxValues(accessToken, name);
  let kept = 0;
  return days.map((day, index) => {
    const now = current.get(day);
    if (now !== undefined && now !== null && kept < keep) {
      kept += 1;
      return now;
    }
    return file(index);
  });
}

/** What the sandbox holds on `days` for each column, in the columns' order (undefined: nothing). */
export async function heldValues(accessToken: string, days: string[], columns: Column[]) {
  const held: Array<Array<Value | undefined>> = [];
  for (const column of columns) {
    const now = await sandboxValues(accessToken, column.name);
    held.push(days.map((day) => now.get(day)));
  }
  return held;
}

/** A wide file's plan: one attribute per column, one value per day, rows from 2 (after the header). */
export function wideDraft(fileName: string, days: string[], columns: Column[]): ImportDraftBody {
  return {
    fileName,
    attributes: columns.map((column) => ({
      name: column.name,
      label: column.label,
      valueType: column.valueType,
      days,
      values: column.values,
      rows: days.map((_, index) => index + 2),
      emptyDays: [],
    })),
    invalid: [],
    invalidCount: 0,
  };
}

/** What the sandbox's state says the preview must count for `draft`. */
export async function expectedCounts(accessToken: string, draft: ImportDraftBody) {
  const counts = { new: 0, replace: 0, unchanged: 0, cannotEmpty: 0 };
  for (const attribute of draft.attributes) {
    const current = await sandboxValues(accessToken, attribute.name ?? "");
    attribute.days.forEach((day, index) => {
      const before = current.get(day);
      if (before === undefined || before === null) counts.new += 1;
      else if (before === attribute.values[index]) counts.unchanged += 1;
      else counts.replace += 1;
    });
    for (const day of attribute.emptyDays) if (current.has(day)) counts.cannotEmpty += 1;
  }
  return counts;
}

/** Polls `read` until the import reaches `status`. */
export async function until(
  read: () => Promise<ImportResponse>,
  done: (response: ImportResponse) => boolean,
  timeoutMs = 60_000,
): Promise<ImportResponse> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await read();
    if (done(response)) return response;
    if (Date.now() > deadline) {
      throw new Error(`import still ${response.status}: ${JSON.stringify(response.progress)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export type Sent<T> = { status: number; body: T; setCookie: string | undefined };

/**
 * A request to the app at `url` as its page sends one: the session's `cookie`, and for a `body`
 * a same-origin JSON POST. Answers the status, the JSON body and the session cookie it set.
 */
export async function sendTo<T = ImportResponse>(
  url: string,
  cookie: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Sent<T>> {
  const response = await fetch(`${url}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: {
      Cookie: cookie,
      ...headers,
      ...(body === undefined ? {} : { "Content-Type": "application/json", Origin: url }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const setCookie = response.headers
    .getSetCookie()
    .find((line) => line.startsWith("next-auth.session-token="));
  return { status: response.status, body: (await response.json()) as T, setCookie };
}
