import { describe, expect, it } from "vitest";
import { ExistError } from "@/lib/exist/errors";
import { MAX_PAGES, fetchAllPages, type Page } from "@/lib/exist/paging";

const ORIGIN = "https://exist.example";
const FIRST = new URL(`${ORIGIN}/api/2/attributes/?limit=100`);

function page(results: number[], count: number, next: string | null): Page<number> {
  return { count, next, results };
}

describe("fetchAllPages", () => {
  it("returns a single page without further requests", async () => {
    const requested: string[] = [];
    const items = await fetchAllPages(FIRST, ORIGIN, async (url) => {
      requested.push(url.href);
      return page([1, 2], 2, null);
    });
    expect(items).toEqual([1, 2]);
    expect(requested).toEqual([FIRST.href]);
  });

  it("fetches the pages after the first in parallel once count is known", async () => {
    const started: string[] = [];
    const release: Array<() => void> = [];
    const promise = fetchAllPages(FIRST, ORIGIN, async (url) => {
      started.push(url.searchParams.get("page") ?? "1");
      if (!url.searchParams.has("page")) {
        return page([1, 2], 5, `${ORIGIN}/api/2/attributes/?limit=100&page=2`);
      }
      // Later pages wait until every one of them has been requested.
      await new Promise<void>((resolve) => release.push(resolve));
      const number = Number(url.searchParams.get("page"));
      return page(number === 3 ? [5] : [3, 4], 5, null);
    });
    await expect.poll(() => started).toEqual(["1", "2", "3"]);
    release.forEach((resolve) => resolve());
    await expect(promise).resolves.toEqual([1, 2, 3, 4, 5]);
  });

  it("keeps the parameters of Exist's next link and sets the page", async () => {
    const requested: URL[] = [];
    await fetchAllPages(FIRST, ORIGIN, async (url) => {
      requested.push(url);
      return page([1], 2, `${ORIGIN}/api/2/attributes/?include_inactive=true&limit=1&page=2`);
    });
    expect(requested[1]?.href).toBe(
      `${ORIGIN}/api/2/attributes/?include_inactive=true&limit=1&page=2`,
    );
  });

  it.each([
    ["another origin", "https://evil.example/api/2/attributes/?page=2"],
    ["another port", "https://exist.example:8443/api/2/attributes/?page=2"],
    ["plain http", "http://exist.example/api/2/attributes/?page=2"],
    ["a relative link", "/api/2/attributes/?page=2"],
  ])("refuses a next link to %s and requests nothing more", async (_, next) => {
    const requested: string[] = [];
    const promise = fetchAllPages(FIRST, ORIGIN, async (url) => {
      requested.push(url.href);
      return page([1], 3, next);
    });
    await expect(promise).rejects.toMatchObject({ kind: "invalid_response" });
    expect(requested).toEqual([FIRST.href]);
  });

  it("follows links only under a base URL with a path", async () => {
    const base = `${ORIGIN}/exist`;
    const first = new URL(`${base}/api/2/attributes/`);
    const ok = await fetchAllPages(first, base, async (url) =>
      url.searchParams.has("page")
        ? page([2], 2, null)
        : page([1], 2, `${base}/api/2/attributes/?page=2`),
    );
    expect(ok).toEqual([1, 2]);
    const outside = fetchAllPages(first, base, async () =>
      page([1], 2, `${ORIGIN}/other/api/2/attributes/?page=2`),
    );
    await expect(outside).rejects.toMatchObject({ kind: "invalid_response" });
  });

  it("refuses more than MAX_PAGES pages", async () => {
    const promise = fetchAllPages(FIRST, ORIGIN, async () =>
      page([1], MAX_PAGES + 1, `${ORIGIN}/api/2/attributes/?page=2`),
    );
    await expect(promise).rejects.toBeInstanceOf(ExistError);
  });
});
