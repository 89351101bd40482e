import { describe, expect, it } from "vitest";
import { settlementsFor } from "@/lib/api/history/record-change";

const intent = (id: number, attribute: string, ownerBefore: string | null = "Fitbit") => ({
  id,
  attribute,
  label: attribute,
  ownerBefore,
});

describe("settlementsFor: outcomes from Exist's answer", () => {
  it("reads the new owner of a release from a service object, a service name or none", () => {
    const settled = settlementsFor("release", [intent(1, "a"), intent(2, "b"), intent(3, "c")], {
      status: 200,
      result: {
        success: [
          { name: "a", label: "A", service: { name: "oura", label: "Oura" }, active: true },
          { name: "b", service: "withings", active: true },
          { name: "c", service: "", active: false },
        ],
        failed: [],
      },
    });
    expect(settled.map((s) => [s.attribute, s.label, s.outcome, s.ownerAfter])).toEqual([
      ["a", "A", "done", "Oura"],
      ["b", "b", "done", "withings"],
      ["c", "c", "done", null],
    ]);
  });

  it("keeps Exist's error code for refused items and leaves unsent ones unknown", () => {
    const settled = settlementsFor("acquire", [intent(1, "a"), intent(2, "b"), intent(3, "c")], {
      status: 202,
      result: {
        success: [{ template: "c" }],
        failed: [
          { name: "a", error_code: "not_found", error: "Attribute 'a' not found" },
          { name: "b", error_code: "upstream_timeout", error: "Exist did not answer" },
        ],
      },
    });
    expect(settled.map((s) => [s.id, s.outcome, s.ownerAfter, s.errorCode])).toEqual([
      [3, "done", "this app", null],
      [1, "refused", "Fitbit", "not_found"],
    ]);
  });

  it("settles each intent once when a request names an attribute twice", () => {
    const settled = settlementsFor("acquire", [intent(1, "a"), intent(2, "a")], {
      status: 200,
      result: { success: [{ name: "a" }, { name: "a" }], failed: [] },
    });
    expect(settled.map((s) => s.id)).toEqual([1, 2]);
  });
});
