// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AttributesResponse, ImportResponse, ValuesResponse } from "@/lib/api/contract";
import { importKeys } from "@/lib/query/keys";
import { ImportState } from "./import-page";
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
