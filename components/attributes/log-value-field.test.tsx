// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import type { Units } from "@/lib/api/contract";
import { valueField, type ValueField } from "@/lib/values/field";
import { custom, IMPERIAL, METRIC, template } from "@/lib/values/test-fixtures";
import { LogValueField } from "./log-value-field";
import { emptyEntry, type Entered } from "./use-log-form";

afterEach(cleanup);

function Harness({ field }: { field: ValueField }) {
  const [value, setValue] = useState<Entered>(emptyEntry(field));
  return <LogValueField field={field} value={value} onChange={setValue} errors={{}} id="v" />;
}

function renderField(attribute: ReturnType<typeof template>, units: Units = METRIC) {
  const field = valueField(attribute, units);
  if (!field) throw new Error(`no field for ${attribute.name}`);
  render(<Harness field={field} />);
}

const hintOf = (element: HTMLElement) =>
  (element.getAttribute("aria-describedby") ?? "")
    .split(" ")
    .map((id) => document.getElementById(id)?.textContent)
    .join(" | ");

describe("the Log dialog's value field", () => {
  it("labels a number with the attribute's label and the person's unit, and says what it takes", () => {
    renderField(template("weight"), IMPERIAL);
    const input = screen.getByRole("textbox", { name: "Weight (lb)" });
    expect(input.getAttribute("inputmode")).toBe("decimal");
    expect(hintOf(input)).toBe("Up to 1 decimal place, 0 or more");
  });

  it("says the range of a percentage and a scale", () => {
    renderField(template("body_fat"));
    expect(hintOf(screen.getByRole("textbox", { name: "Body fat (%)" }))).toBe(
      "A percentage from 0 to 100",
    );
    cleanup();
    renderField(template("mood"));
    expect(hintOf(screen.getByRole("textbox", { name: "Mood" }))).toBe(
      "A whole number from 1 (lowest) to 9 (highest)",
    );
  });

  it("asks for a duration as Hours and Minutes under the attribute's label", async () => {
    renderField(template("sleep"));
    const group = screen.getByRole("group", { name: "Time asleep" });
    await userEvent.setup().type(within(group).getByRole("textbox", { name: "Hours" }), "7");
    expect(within(group).getByRole("textbox", { name: "Hours" })).toHaveProperty("value", "7");
    expect(within(group).getByRole("textbox", { name: "Minutes" })).toHaveProperty("value", "");
  });

  it("asks a daily tag Yes or No, neither chosen at first", async () => {
    renderField(custom("swim", "Swim", 7));
    const group = screen.getByRole("group", { name: "Swim" });
    const yes = within(group).getByRole("radio", { name: "Yes" });
    expect(yes).toHaveProperty("checked", false);
    expect(within(group).getByRole("radio", { name: "No" })).toHaveProperty("checked", false);
    await userEvent.setup().click(yes);
    expect(yes).toHaveProperty("checked", true);
  });

  it("counts a text's characters as Exist does (an emoji is one) against its limit", async () => {
    renderField(template("mood_note"));
    const note = screen.getByRole("textbox", { name: "Mood note" });
    expect(note.tagName).toBe("TEXTAREA");
    await userEvent.setup().type(note, "ok 😀");
    expect(hintOf(note)).toBe("At most 1000 characters (4 used)");
  });

  it("takes a time of day as 24-hour HH:MM text, whatever the browser's locale", () => {
    renderField(template("sleep_end"));
    const wake = screen.getByRole("textbox", { name: "Wake time" });
    expect(wake.getAttribute("placeholder")).toBe("HH:MM");
    expect(hintOf(wake)).toBe("24-hour clock, HH:MM (for example 22:45)");
  });
});
