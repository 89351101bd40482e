// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { ImportResponse } from "@/lib/api/contract";
import { clockText } from "@/lib/import/wording";
import { ImportProgressPanel } from "./import-progress";
import { previewAnswer } from "./test-fixtures";

afterEach(cleanup);

function renderProgress(answer: ImportResponse) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <ImportProgressPanel answer={answer} />
    </QueryClientProvider>,
  );
}

const running = (
  progress: Partial<ImportResponse["progress"]>,
  status: ImportResponse["status"] = "running",
) =>
  previewAnswer({
    status,
    progress: {
      total: 5000,
      written: 1750,
      refused: 0,
      calls: 50,
      waitingUntil: null,
      estimatedEnd: null,
      ...progress,
    },
  });

describe("an import's progress", () => {
  it("is a progress bar of the values written of the total, with the calls used", () => {
    renderProgress(running({}));
    const bar = screen.getByRole("progressbar", { name: "Import progress" });
    expect(bar.getAttribute("aria-valuenow")).toBe("1750");
    expect(bar.getAttribute("aria-valuemax")).toBe("5000");
    expect(
      screen.getByText(/1,750 of 5,000 values written · 50 calls of 1,560 used/),
    ).toBeDefined();
    expect(screen.getByRole("button", { name: "Pause" })).toBeDefined();
    expect(screen.getByRole("button", { name: "Cancel import" })).toBeDefined();
    expect(screen.getByText(/goes on when you close this page/)).toBeDefined();
  });

  it("says until when it waits for Exist's hourly limit, on the person's clock", () => {
    const until = "2026-03-20T19:00:00Z";
    renderProgress(running({ waitingUntil: until }));
    expect(screen.getByRole("status").textContent).toContain(
      `Waiting for Exist's hourly limit until ${clockText(until)}`,
    );
  });

  it("offers Resume once paused", () => {
    renderProgress(running({}, "paused"));
    expect(screen.getByRole("button", { name: "Resume" })).toBeDefined();
    expect(screen.queryByRole("button", { name: "Pause" })).toBeNull();
    expect(screen.getByRole("status").textContent).toContain("Paused");
    // Paused, it does not go on: the running import's promise is not made.
    expect(screen.queryByText(/goes on when you close this page/)).toBeNull();
  });
});
