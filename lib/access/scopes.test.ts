import { describe, expect, it } from "vitest";
import {
  groupAccess,
  manualAccess,
  missingWriteGroup,
  scopesToAllowWriting,
} from "@/lib/access/scopes";

describe("groupAccess", () => {
  it("lists every Exist group in Exist's order with read and write from the granted scopes", () => {
    const access = groupAccess(["mood_read", "mood_write", "health_read", "manual_write"]);
    expect(access).toHaveLength(16);
    expect(access[0]).toEqual({ name: "activity", label: "Activity", read: false, write: false });
    expect(access.find((group) => group.name === "mood")).toMatchObject({
      read: true,
      write: true,
    });
    expect(access.find((group) => group.name === "health")).toEqual({
      name: "health",
      label: "Health and body",
      read: true,
      write: false,
    });
    expect(manualAccess(["manual_write"])).toEqual({ read: false, write: true });
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
    expect(missingWriteGroup("Missing scope 'health_write' to acquire attribute 'weight'")).toBe(
      "health",
    );
    expect(missingWriteGroup("Attribute 'x' does not belong to this service")).toBeNull();
    expect(missingWriteGroup("Missing scope 'bogus_write' to acquire attribute 'x'")).toBeNull();
    expect(missingWriteGroup(null)).toBeNull();
  });
});
