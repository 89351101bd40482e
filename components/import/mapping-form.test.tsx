// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { LongColumns } from "@/lib/import/layout";
import type { DateFormat } from "@/lib/import/dates";
import { suggestMapping } from "@/lib/import/suggest";
import { DAYLIO, LONG, summaryOf, WIDE_DMY } from "@/lib/import/test-fixtures";
import type { ImportMapping } from "@/lib/import/types";
import { MappingForm } from "./mapping-form";
import { ATTRIBUTES, METRIC } from "./test-fixtures";

afterEach(cleanup);

/** The mapping as the form last changed it. */
const seen: { mapping: ImportMapping | null } = { mapping: null };

function Harness({
  text,
  onLongColumns,
}: {
  text: string;
  onLongColumns?: (columns: LongColumns) => void;
}) {
  const summary = summaryOf(text);
  const [mapping, setMapping] = useState(() => suggestMapping(summary, ATTRIBUTES, METRIC));
  const [format, setFormat] = useState<DateFormat | null>(
    summary.dateFormats.length === 1 ? mapping.dateFormat : null,
  );
  return (
    <MappingForm
      summary={summary}
      mapping={mapping}
      attributes={ATTRIBUTES}
      units={METRIC}
      dateFormat={format}
      onDateFormat={setFormat}
      onChange={(next) => {
        seen.mapping = next;
        setMapping(next);
      }}
      onLongColumns={onLongColumns}
    >
      <button type="button">Preview</button>
    </MappingForm>
  );
}

const select = (name: string) => screen.getByRole<HTMLSelectElement>("combobox", { name });
const selectedText = (name: string) => select(name).selectedOptions[0]?.textContent;
const rowOf = (name: string) => select(name).closest("li") as HTMLElement;

describe("the mapping of a wide file", () => {
  it("offers one select per column, pre-filled by label, with Date and Ignore", () => {
    render(<Harness text={WIDE_DMY} />);
    expect(selectedText("Datum column")).toBe("Date");
    expect(selectedText("Weight (lb) column")).toBe("Weight");
    expect(selectedText("Steps column")).toBe("Steps");
    expect(selectedText("Sleep column")).toBe("Sleep");
    const options = [...select("Steps column").options].map((option) => option.textContent);
    expect(options).toEqual(expect.arrayContaining(["Ignore", "Date", "Steps", "Weight", "Mood"]));
  });

  it("marks what will be acquired, and from whom, and the tags that will be created", () => {
    render(<Harness text={WIDE_DMY} />);
    expect(
      within(rowOf("Weight (lb) column")).getByText("Will be acquired from Withings"),
    ).toBeDefined();
    expect(selectedText("Meditated column")).toBe("New daily tag “Meditated”");
    expect(
      within(rowOf("Meditated column")).getByText("Will be created as a daily tag"),
    ).toBeDefined();
    expect(within(rowOf("Steps column")).queryByText(/Will be/)).toBeNull();
  });

  it("reads a column in the unit its header names, and shows each attribute's rule by type", async () => {
    render(<Harness text={WIDE_DMY} />);
    expect(selectedText("Units of Weight (lb)")).toBe("lb");
    expect(selectedText("Several rows for a day (Weight (lb))")).toBe("Take the average");
    expect(selectedText("Several rows for a day (Steps)")).toBe("Add them up");
    await userEvent.selectOptions(select("Several rows for a day (Steps)"), "Keep the highest");
    expect(seen.mapping?.rules.steps).toBe("max");
  });

  it("takes the date format the dates allow, and moves the date to the column chosen", async () => {
    render(<Harness text={WIDE_DMY} />);
    expect(selectedText("Date format")).toBe("Day/month/year (31/03/2026)");
    await userEvent.selectOptions(select("Steps column"), "Ignore");
    expect(seen.mapping?.layout === "wide" && seen.mapping.columns[2]).toBeNull();
    expect(
      within(rowOf("Steps column")).queryByRole("combobox", { name: /Several rows/ }),
    ).toBeNull();
    await userEvent.selectOptions(select("Sleep column"), "Date");
    expect(seen.mapping?.dateColumn).toBe(3);
    expect(selectedText("Sleep column")).toBe("Date");
  });

  it("asks about a file whose dates read both ways", async () => {
    render(<Harness text={"Date,Steps\n01/03/2026,10\n02/03/2026,20\n"} />);
    expect(select("Date format").value).toBe("");
    expect(
      screen.getByText(/Every date in this file reads both ways \(01\/03\/2026 could be either\)/),
    ).toBeDefined();
    await userEvent.selectOptions(select("Date format"), "Month/day/year (03/31/2026)");
    expect(select("Date format").value).toBe("mdy");
  });
});

describe("the mapping of a long file", () => {
  it("shows its columns of names and values, changeable, and a select per name", async () => {
    const onLongColumns = vi.fn();
    render(<Harness text={LONG} onLongColumns={onLongColumns} />);
    expect(selectedText("Column of attribute names")).toBe("attribute");
    expect(selectedText("Column of values")).toBe("value");
    // The dates' column is no choice for either.
    expect(within(select("Column of values")).queryByRole("option", { name: "date" })).toBeNull();
    expect(selectedText("Steps rows")).toBe("Steps");
    await userEvent.selectOptions(select("Journaled rows"), "Ignore");
    expect(seen.mapping?.layout === "long" && seen.mapping.keys.at(-1)).toEqual({
      key: "Journaled",
      mapped: null,
    });
    // Names where the values were: the two columns swap.
    await userEvent.selectOptions(select("Column of attribute names"), "value");
    expect(onLongColumns).toHaveBeenCalledWith({ keyColumn: 2, valueColumn: 1 });
  });
});

describe("the mapping of a Daylio export", () => {
  it("fills in Daylio's moods, leaves a renamed one to set, and makes activities tags", async () => {
    render(<Harness text={DAYLIO} />);
    expect(selectedText("mood column")).toBe("Mood");
    expect(selectedText("note column")).toBe("Mood note");
    expect(selectedText("rad mood")).toBe("9");
    expect(selectedText("meh mood")).toBe("5");
    expect(selectedText("amazing mood")).toBe("Not set");
    await userEvent.selectOptions(select("amazing mood"), "8");
    expect(
      seen.mapping?.layout === "daylio" &&
        seen.mapping.moods.find((m) => m.label === "amazing")?.value,
    ).toBe(8);
    expect(selectedText("walk activity")).toBe("New daily tag “walk”");
    // A day's notes are always joined: no rule to choose for them.
    expect(screen.queryByRole("combobox", { name: "Several rows for a day (note)" })).toBeNull();
    expect(screen.getByText("Several notes on one day are joined, earliest first.")).toBeDefined();
    // Daylio lists the newest entry first: the rule speaks of time, never of rows.
    expect(selectedText("Several rows for a day (mood)")).toBe("Keep the day’s latest");
    expect(
      screen.getByText(
        /latest and earliest go by the time written with the date \(each entry’s time\)/,
      ),
    ).toBeDefined();
  });
});
