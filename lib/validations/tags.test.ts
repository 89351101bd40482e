import { describe, expect, it } from "vitest";
import { createTagsBodySchema } from "@/lib/validations/tags";

const issue = (body: unknown) => {
  const parsed = createTagsBodySchema.safeParse(body);
  return parsed.success
    ? null
    : `${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message}`;
};

describe("createTagsBodySchema", () => {
  it("takes labels, trimmed, emoji and accents included", () => {
    expect(createTagsBodySchema.parse([{ label: "  Swim " }, { label: "Café 🏊" }])).toEqual([
      { label: "Swim" },
      { label: "Café 🏊" },
    ]);
  });

  it.each([
    [[], /at least one tag/],
    [[{ label: "" }], /^0.label: Enter a name/],
    [[{ label: "   " }], /^0.label: Enter a name/],
    [[{ label: 7 }], /^0.label: must be text/],
    [[{ label: "a".repeat(101) }], /^0.label: .*at most 100 characters/],
    [[{ label: "Swim\u0000" }], /control characters/],
    [[{ label: "Swim", name: "swim" }], /^0/],
    [[{ label: "Swim" }, { label: "swim" }], /^1.label: swim is in the body more than once/],
    [{ label: "Swim" }, /expected array/i],
  ])("refuses %j", (body, message) => {
    expect(issue(body)).toMatch(message);
  });

  it("counts an emoji as one character", () => {
    expect(issue([{ label: "🏊".repeat(100) }])).toBeNull();
  });
});
