/** The history through the app's HTTP API, for tests that check what was recorded. */
import { APP_URL } from "../env";

export type CsvEntry = Record<string, string>;

/** Eight of the seeded `demo` account's attributes, owned by other services to begin with. */
export const DEMO_ATTRIBUTES = [
  "steps",
  "sleep",
  "mood",
  "weight",
  "commits",
  "events",
  "productive_min",
  "tasks_completed",
] as const;

/** The user's whole history, parsed from GET /api/history/csv (newest first). */
export async function historyCsv(cookie: string, url = APP_URL): Promise<CsvEntry[]> {
  const response = await fetch(`${url}/api/history/csv`, { headers: { Cookie: cookie } });
  if (!response.ok) throw new Error(`GET /api/history/csv: ${response.status}`);
  return parseCsv(await response.text());
}

export function parseCsv(text: string): CsvEntry[] {
  const lines = text.split("\r\n").filter(Boolean);
  const [header = "", ...rows] = lines;
  const columns = header.split(",");
  return rows.map((line) => {
    const cells = [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((match) =>
      (match[1] ?? "").replaceAll('""', '"'),
    );
    return Object.fromEntries(columns.map((column, index) => [column, cells[index] ?? ""]));
  });
}

/** A same-origin JSON POST to an app instance. */
export async function postTo(url: string, path: string, cookie: string, body: unknown) {
  const response = await fetch(`${url}${path}`, {
    method: "POST",
    headers: { Cookie: cookie, Origin: url, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

/** GET /api/attributes from Exist, not from the app's short cache (this is what records owners). */
export function loadAttributes(url: string, cookie: string) {
  return fetch(`${url}/api/attributes`, {
    headers: { Cookie: cookie, "Cache-Control": "no-cache" },
  });
}
