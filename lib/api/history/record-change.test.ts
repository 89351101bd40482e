import { describe, expect, it } from "vitest";
import { settlementsFor } from "@/lib/api/history/record-change";
import { ExistError } from "@/lib/exist/errors";

const intent = (id: number, attribute: string, ownerBefore: string | null = "Fitbit") => ({
  id,
  attribute,
  label: attribute,
  ownerBefore,
  day: null,
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
      untried: null,
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
        failed: [{ name: "a", error_code: "not_found", error: "Attribute 'a' not found" }],
      },
      untried: {
        items: [{ name: "b" }],
        error: new ExistError("timeout", "Exist did not answer"),
        sent: 1,
      },
    });
    expect(settled.map((s) => [s.id, s.outcome, s.ownerAfter, s.errorCode])).toEqual([
      [3, "done", "this app", null],
      [1, "refused", "Fitbit", "not_found"],
    ]);
  });

  it.each([
    ["unauthorized", "reauth_required"],
    ["rate_limited", "rate_limited"],
  ] as const)("counts unsent items as refused when Exist said %s", (kind, code) => {
    const settled = settlementsFor("acquire", [intent(1, "a"), intent(2, "b")], {
      status: 202,
      result: { success: [{ name: "a" }], failed: [] },
      untried: { items: [{ name: "b" }], error: new ExistError(kind, "no"), sent: 1 },
    });
    expect(settled.map((s) => [s.id, s.outcome, s.ownerAfter, s.errorCode])).toEqual([
      [1, "done", "this app", null],
      [2, "refused", "Fitbit", code],
    ]);
  });

  it.each(["upstream", "invalid_response"] as const)(
    "leaves unsent items unknown after Exist's %s error",
    (kind) => {
      const settled = settlementsFor("release", [intent(1, "a")], {
        status: 202,
        result: { success: [], failed: [] },
        untried: { items: [{ name: "a" }], error: new ExistError(kind, "no"), sent: 1 },
      });
      expect(settled).toEqual([]);
    },
  );

  it("settles each intent once when a request names an attribute twice", () => {
    const settled = settlementsFor("acquire", [intent(1, "a"), intent(2, "a")], {
      status: 200,
      result: { success: [{ name: "a" }, { name: "a" }], failed: [] },
      untried: null,
    });
    expect(settled.map((s) => s.id)).toEqual([1, 2]);
  });
});
