import { describe, expect, it } from "vitest";
import {
  DEFAULT_SCOPES,
  SCOPE_NAME,
  canWrite,
  groupAccess,
  manualAccess,
  missingWriteGroup,
  needsManual,
  parseScopes,
  readOnlyReason,
  scopesToAllowWriting,
  writeAccess,
} from "@/lib/scopes";

describe("parseScopes", () => {
  it("reads Exist's space- or plus-separated scope string", () => {
    expect(parseScopes("mood_read mood_write")).toEqual(["mood_read", "mood_write"]);
    expect(parseScopes(" activity_read+manual_write ")).toEqual(["activity_read", "manual_write"]);
    expect(parseScopes("")).toEqual([]);
  });
});

describe("DEFAULT_SCOPES", () => {
  it("asks for every group's read and write scope, and nothing manual", () => {
    expect(DEFAULT_SCOPES).toHaveLength(32);
    expect(DEFAULT_SCOPES.slice(0, 2)).toEqual(["activity_read", "activity_write"]);
    expect(DEFAULT_SCOPES).toContain("custom_write");
    expect(DEFAULT_SCOPES.some((scope) => scope.startsWith("manual_"))).toBe(false);
    expect(DEFAULT_SCOPES.every((scope) => SCOPE_NAME.test(scope))).toBe(true);
  });
});

describe("writeAccess", () => {
  it("lists the groups with a _write scope in Exist's order, and manual_write", () => {
    expect(writeAccess(["mood_write", "activity_read", "activity_write", "bogus_write"])).toEqual({
      writableGroups: ["activity", "mood"],
      manualWrite: false,
    });
    expect(writeAccess(["manual_write"])).toEqual({ writableGroups: [], manualWrite: true });
  });
});

describe("groupAccess", () => {
  it("lists every Exist group in Exist's order with read and write from the granted scopes", () => {
    const access = groupAccess(["mood_read", "mood_write", "health_read", "manual_write"]);
    expect(access).toHaveLength(16);
    expect(access[0]).toEqual({
      name: "activity",
      label: "Activity",
      read: { scope: "activity_read", granted: false },
      write: { scope: "activity_write", granted: false },
    });
    expect(access.find((group) => group.name === "mood")).toMatchObject({
      read: { granted: true },
      write: { granted: true },
    });
    expect(access.find((group) => group.name === "health")).toEqual({
      name: "health",
      label: "Health and body",
      read: { scope: "health_read", granted: true },
      write: { scope: "health_write", granted: false },
    });
    expect(manualAccess(["manual_write"])).toEqual({
      read: { scope: "manual_read", granted: false },
      write: { scope: "manual_write", granted: true },
    });
  });
});

describe("write access per attribute", () => {
  const access = { writableGroups: ["activity"], manualWrite: true };
  const steps = { group: { name: "activity" }, manual: false };
  const mood = { group: { name: "mood" }, manual: true };
  const note = { group: { name: "mood" }, manual: false };

  it("allows groups with a write scope, and manual attributes with manual_write", () => {
    expect(canWrite(steps, access)).toBe(true);
    expect(canWrite(note, access)).toBe(false);
    expect(canWrite(mood, access)).toBe(true);
    expect(canWrite(mood, { ...access, manualWrite: false })).toBe(false);
    expect(needsManual(mood, access)).toBe(true);
    expect(needsManual(steps, access)).toBe(false);
  });

  it("says which scope is missing", () => {
    expect(readOnlyReason("mood", access)).toBe("Read-only: this app was not granted mood_write");
    expect(readOnlyReason("activity", access)).toBeNull();
  });
});

describe("scopesToAllowWriting", () => {
  it("asks for what was granted plus the group's _write, once", () => {
    expect(scopesToAllowWriting(["mood_read", "health_read"], "health")).toBe(
      "mood_read health_read health_write",
    );
    expect(scopesToAllowWriting(["health_write"], "health")).toBe("health_write");
  });
});

describe("missingWriteGroup", () => {
  it("finds the group in Exist's missing-scope failure, and nothing in other failures", () => {
    // A group Exist adds later is still named: the consent asks Exist for what Exist said.
    expect(missingWriteGroup("Missing scope 'plants_write' to acquire attribute 'x'")).toBe(
      "plants",
    );
    expect(missingWriteGroup("Missing scope 'health_write' to acquire attribute 'weight'")).toBe(
      "health",
    );
    expect(missingWriteGroup("Attribute 'x' does not belong to this service")).toBeNull();
    expect(missingWriteGroup("Missing scope 'Health_write' to acquire attribute 'x'")).toBeNull();
    expect(missingWriteGroup(null)).toBeNull();
  });
});
