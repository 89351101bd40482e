import { describe, expect, it } from "vitest";
import {
  daylioActivities,
  daylioColumns,
  daylioMoodTable,
  daylioNoteText,
  entryMinutes,
  isDaylio,
  moodStep,
} from "./daylio";

const HEADER = ["full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note"];

describe("Daylio's export", () => {
  it("is recognised by its columns, in any case or order", () => {
    expect(isDaylio(HEADER)).toBe(true);
    expect(isDaylio(["Full_Date", "Time", "Mood", "Activities", "Note"])).toBe(true);
    expect(isDaylio(["date", "mood", "activities"])).toBe(false);
    expect(daylioColumns(HEADER)).toEqual({
      full_date: 0,
      date: 1,
      weekday: 2,
      time: 3,
      mood: 4,
      activities: 5,
      note_title: 6,
      note: 7,
    });
    expect(daylioColumns(["full_date", "time", "mood", "activities", "note"]).note_title).toBe(-1);
  });

  it("separates activities by |, trimmed", () => {
    expect(daylioActivities("clean | music | movies / tv | bad sleep ")).toEqual([
      "clean",
      "music",
      "movies / tv",
      "bad sleep",
    ]);
    expect(daylioActivities("")).toEqual([]);
    expect(daylioActivities(" | work |")).toEqual(["work"]);
  });

  it("maps Daylio's five default moods onto Exist's 1–9, and leaves renamed ones to set", () => {
    expect(daylioMoodTable(["rad", "Good", "meh ", "bad", "awful", "fugly", "amazing"])).toEqual([
      { label: "rad", value: 9 },
      { label: "Good", value: 7 },
      { label: "meh ", value: 5 },
      { label: "bad", value: 3 },
      { label: "awful", value: 1 },
      { label: "fugly", value: 3 },
      { label: "amazing", value: null },
    ]);
    const table = [
      { label: "amazing", value: 8 },
      { label: "sad", value: null },
    ];
    expect(moodStep(table, " Amazing")).toBe(8);
    expect(moodStep(table, "sad")).toBeNull();
    expect(moodStep(table, "unknown")).toBeNull();
  });

  it("keeps notes as plain text, with the title first", () => {
    expect(daylioNoteText("", "")).toBe("");
    expect(daylioNoteText("Trip", "")).toBe("Trip");
    expect(daylioNoteText(" Trip ", "<b>Long</b> day<br>rain &amp; wind")).toBe(
      "Trip\nLong day\nrain & wind",
    );
    expect(daylioNoteText("", "<ul><li>one</li><li>two</li></ul>")).toBe("one\ntwo");
    expect(daylioNoteText("", "1 &lt; 2")).toBe("1 < 2");
  });

  it("orders a day's entries by their time, 12-hour or 24-hour", () => {
    expect(entryMinutes("10:00 pm")).toBe(1320);
    expect(entryMinutes("18:52")).toBe(1132);
    expect(entryMinutes("12:05 am")).toBe(5);
    expect(entryMinutes("")).toBe(0);
  });
});
