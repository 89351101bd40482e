// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PreviewPanel } from "./preview-panel";
import { ATTRIBUTES, METRIC, previewAnswer } from "./test-fixtures";

afterEach(cleanup);

const INVALID = [
  { row: 4, column: "Weight (lb)", cell: "=1+1", reason: "“=1+1” is not a number" },
  {
    row: 9,
    column: "Datum",
    cell: "31/02/2026",
    reason: "31/02/2026 is not a date on the calendar",
  },
];

function renderPreview(answer = previewAnswer(), onStart = vi.fn()) {
  render(
    <PreviewPanel
      answer={answer}
      known={ATTRIBUTES}
      units={METRIC}
      invalid={INVALID}
      invalidByKey={{ weight: 1 }}
      busy={false}
      problem={null}
      onStart={onStart}
    />,
  );
  return { region: screen.getByRole("region", { name: "Preview" }), onStart };
}

describe("the preview", () => {
  it("counts in total what is new, replaced, unchanged, cannot be emptied and invalid", () => {
    const { region } = renderPreview();
    const text = region.textContent ?? "";
    for (const part of [
      "8 new",
      "1 to replace",
      "40 unchanged",
      "2 invalid",
      "2 cannot be emptied",
    ]) {
      expect(text).toContain(part);
    }
    expect(text).toContain("Exist has no way to empty a day");
  });

  it("shows each attribute with its counts, a sample of before → after, and who it comes from", () => {
    renderPreview();
    const weight = within(screen.getByRole("list", { name: "By attribute" })).getAllByRole(
      "listitem",
    )[0]!;
    expect(weight.textContent).toContain("Will be acquired from Withings");
    expect(weight.textContent).toContain("3 new");
    expect(weight.textContent).toContain("1 invalid");
    expect(screen.getByRole("list", { name: "Weight: values to replace" }).textContent).toBe(
      "2026-03-01: 72 kg → 72.5 kg",
    );
    expect(screen.getByText("Will be created as a daily tag")).toBeDefined();
  });

  it("quotes a text's before and after, so two notes do not run together", () => {
    const answer = previewAnswer();
    answer.preview.attributes[0] = {
      ...answer.preview.attributes[0]!,
      name: "mood_note",
      label: "Mood note",
      valueType: 2,
      replaceSample: [{ date: "2026-03-01", before: "Felt tired.", after: "A long swim." }],
    };
    renderPreview(answer);
    expect(screen.getByRole("list", { name: "Mood note: values to replace" }).textContent).toBe(
      "2026-03-01: “Felt tired.” → “A long swim.”",
    );
  });

  it("lists invalid rows with their row number and reason", () => {
    renderPreview();
    expect(screen.getByText("Row 4, Weight (lb): “=1+1” is not a number")).toBeDefined();
    expect(screen.getByRole("button", { name: "Download invalid rows (CSV)" })).toBeDefined();
  });

  it("says how many calls the import needs and how long it takes at its pace", () => {
    const { region } = renderPreview();
    expect(region.textContent).toContain("Writing needs 1,560 calls to Exist");
    expect(region.textContent).toContain("about 2 h 10 min at 200 calls an hour");
    expect(region.textContent).toContain("took 3 calls");
  });

  it("starts only when asked", async () => {
    const { onStart } = renderPreview();
    expect(onStart).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole("button", { name: "Start import" }));
    expect(onStart).toHaveBeenCalledOnce();
  });

  it("says plainly when nothing would change, with Start import disabled", () => {
    const answer = previewAnswer();
    answer.preview.totals = { new: 0, replace: 0, unchanged: 49, cannotEmpty: 0, invalid: 0 };
    answer.preview.writeCalls = 0;
    renderPreview(answer);
    expect(
      screen.getByText("Nothing would change: Exist already holds every value of this file."),
    ).toBeDefined();
    expect(screen.getByRole<HTMLButtonElement>("button", { name: "Start import" }).disabled).toBe(
      true,
    );
  });
});
