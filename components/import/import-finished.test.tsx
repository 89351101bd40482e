// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { ImportResponse } from "@/lib/api/contract";
import { ImportFinished } from "./import-finished";
import { previewAnswer } from "./test-fixtures";

afterEach(cleanup);

function renderEnd(status: ImportResponse["status"], written: number) {
  const answer = previewAnswer({
    status,
    progress: { total: 160, written, refused: 0, calls: 2, waitingUntil: null, estimatedEnd: null },
    report: {
      written,
      unchanged: 0,
      invalid: 0,
      refused: [],
      refusedCount: 0,
      replaced: 0,
      undoUntil: null,
      newDays: written,
    },
  });
  render(
    <QueryClientProvider client={new QueryClient()}>
      <ImportFinished answer={answer} onAnother={() => {}} />
    </QueryClientProvider>,
  );
  return screen.getByRole("region", { name: "Import finished" });
}

describe("an import's end", () => {
  it("cancelled, says how many values were never written", () => {
    const region = renderEnd("cancelled", 70);
    expect(region.textContent).toContain("Import cancelled");
    expect(region.textContent).toContain("70 written");
    expect(region.textContent).toContain(
      "90 values were not written: the import was cancelled first.",
    );
  });

  it("finished, has nothing left unwritten to tell", () => {
    const region = renderEnd("finished", 160);
    expect(region.textContent).toContain("Import finished");
    expect(region.textContent).not.toContain("not written");
  });

  it("stopped (failed), offers Resume and Cancel import, not an undo Exist would refuse", () => {
    const region = renderEnd("failed", 70);
    expect(region.textContent).toContain("Import stopped");
    expect(screen.getByRole("button", { name: "Resume" })).toBeDefined();
    expect(screen.getByRole("button", { name: "Cancel import" })).toBeDefined();
    expect(screen.queryByRole("button", { name: "Undo this import" })).toBeNull();
  });
});
