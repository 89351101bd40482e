// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AttributesResponse, ImportResponse, ValuesResponse } from "@/lib/api/contract";
import { importKeys } from "@/lib/query/keys";
import { IMPORT_POLL_MS } from "@/lib/query/use-imports";
import { ImportPage, ImportState } from "./import-page";
import { ATTRIBUTES, METRIC, previewAnswer } from "./test-fixtures";

afterEach(cleanup);
// No answer ever comes: what the page shows is what the cache holds.
beforeEach(() => {
  vi.stubGlobal("fetch", () => new Promise(() => {}));
  return () => vi.unstubAllGlobals();
});

const access = {
  attributes: ATTRIBUTES,
  writableGroups: [],
  manualWrite: false,
} as unknown as AttributesResponse;
const values = {
  timezone: "Pacific/Auckland",
  units: METRIC,
  days: [],
  values: {},
} as unknown as ValuesResponse;
const progress = {
  total: 160,
  written: 140,
  refused: 0,
  calls: 4,
  waitingUntil: null,
  estimatedEnd: null,
};

describe("the import page, come back to while an import runs", () => {
  it("shows its end once it finishes, though it is no longer the current import", () => {
    const client = new QueryClient();
    const wrap = (children: ReactNode) => (
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    );
    const running: ImportResponse = previewAnswer({ status: "running", progress });
    const state = (current: ImportResponse | null) =>
      wrap(<ImportState access={access} values={values} current={current} announce={() => {}} />);
    const view = render(state(running));
    expect(screen.getByRole("progressbar", { name: "Import progress" })).toBeDefined();

    // Ended: /api/imports/current answers none, the import's own answer says finished.
    client.setQueryData(importKeys.detail(running.id), {
      ...running,
      status: "finished",
      progress: { ...progress, written: 160, calls: 5 },
    });
    view.rerender(state(null));
    expect(screen.getByRole("region", { name: "Import finished" })).toBeDefined();
  });
});

describe("the import page, while an import runs", () => {
  it("polls the import alone: /api/imports/current is read once", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const running: ImportResponse = previewAnswer({ status: "running", progress });
    const asked: string[] = [];
    const answers: Record<string, unknown> = {
      "/api/attributes": access,
      "/api/values": values,
      "/api/imports/current": running,
      [`/api/imports/${running.id}`]: running,
    };
    vi.stubGlobal("fetch", async (path: string) => {
      asked.push(path);
      return new Response(JSON.stringify(answers[path] ?? {}), { status: 200 });
    });
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    try {
      render(
        <QueryClientProvider client={client}>
          <ImportPage />
        </QueryClientProvider>,
      );
      await screen.findByRole("progressbar", { name: "Import progress" });
      await vi.advanceTimersByTimeAsync(5 * IMPORT_POLL_MS + 100);
      const count = (path: string) => asked.filter((asked) => asked === path).length;
      expect(count("/api/imports/current")).toBe(1);
      // The current import's answer was the import's first: then one poll every IMPORT_POLL_MS.
      expect(count(`/api/imports/${running.id}`)).toBeGreaterThanOrEqual(4);
      expect(count(`/api/imports/${running.id}`)).toBeLessThanOrEqual(6);
    } finally {
      vi.useRealTimers();
    }
  });
});
