// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AttributesResponse, ValuesResponse } from "@/lib/api/contract";
import { suggestMapping } from "@/lib/import/suggest";
import { summaryOf, WIDE_DMY } from "@/lib/import/test-fixtures";
import type { ImportPlan } from "@/lib/import/types";
import { ATTRIBUTES, METRIC } from "./test-fixtures";
import type { useImportFile } from "./use-import-file";
import { usePreview } from "./use-preview";

afterEach(() => vi.unstubAllGlobals());

const access = { attributes: ATTRIBUTES } as unknown as AttributesResponse;
const values = { timezone: "Europe/London", units: METRIC } as unknown as ValuesResponse;
const summary = summaryOf(WIDE_DMY);
const state = {
  stage: "mapping" as const,
  fileName: "big.csv",
  summary,
  mapping: suggestMapping(summary, ATTRIBUTES, METRIC),
  dateFormat: "dmy" as const,
};

/** A plan of `attributes` attributes and `valueCount` values, as the worker would answer. */
function planned(attributes: number, valueCount: number): ImportPlan {
  const attribute = {
    target: { kind: "attribute", name: "steps" },
    key: "steps",
    label: "Steps",
    valueType: 0,
    rule: "sum",
    days: new Int32Array(0),
    values: new Float64Array(0),
    rows: new Int32Array(0),
    combined: 0,
    rounded: 0,
    invalid: 0,
    emptyDays: new Int32Array(0),
  } as const;
  return {
    attributes: Array.from({ length: attributes }, () => attribute),
    invalid: [],
    invalidCount: 0,
    valueCount,
    firstDate: "1300-01-01",
    lastDate: "2020-01-01",
  };
}

async function previewOf(plan: ImportPlan) {
  const sent: string[] = [];
  vi.stubGlobal("fetch", async (path: string) => {
    sent.push(path);
    return new Response("{}", { status: 500 });
  });
  const file = { plan: async () => plan } as unknown as ReturnType<typeof useImportFile>;
  const client = new QueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  const { result } = renderHook(() => usePreview(file, access, values), { wrapper });
  await act(() => result.current.preview(state));
  return { problem: result.current.problem, sent };
}

describe("Preview of a file more than one import takes", () => {
  it("refuses 500,001 values in the page, sending nothing", async () => {
    const { problem, sent } = await previewOf(planned(2, 500_001));
    expect(problem?.message).toMatch(/^This file gives 500,001 values: at most 500,000 can be/);
    expect(sent).toEqual([]);
  });

  it("refuses 201 attributes in the page, sending nothing", async () => {
    const { problem, sent } = await previewOf(planned(201, 201));
    expect(problem?.message).toMatch(/^This file goes to 201 attributes: at most 200 can be/);
    expect(sent).toEqual([]);
  });

  it("sends a plan within the limits", async () => {
    const { sent } = await previewOf(planned(1, 10));
    expect(sent).toEqual(["/api/imports"]);
  });
});
