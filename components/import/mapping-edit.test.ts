import { describe, expect, it } from "vitest";
import { summaryOf } from "@/lib/import/test-fixtures";
import { dateFormatFor } from "./mapping-edit";

const summary = summaryOf(
  "Logged,Both,Day first,Steps\n" +
    "2026-03-01,01/03/2026,13/03/2026,10\n" +
    "2026-03-02,02/03/2026,14/03/2026,20\n",
);

describe("the date format when the dates move to another column", () => {
  it("takes the one the new column's dates allow", () => {
    expect(dateFormatFor(summary, 0, "dmy")).toBe("iso");
    expect(dateFormatFor(summary, 2, "iso")).toBe("dmy");
  });

  it("asks again when the new column's dates read both ways", () => {
    expect(dateFormatFor(summary, 1, "iso")).toBeNull();
  });

  it("keeps the one chosen when the new column holds no dates to tell by", () => {
    expect(dateFormatFor(summary, 3, "mdy")).toBe("mdy");
  });
});
