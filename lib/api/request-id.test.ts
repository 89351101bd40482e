import { describe, expect, it } from "vitest";
import { requestIdFor } from "@/lib/api/request-id";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("a request's id", () => {
  it("keeps the X-Request-Id a proxy sent when it is a plain token", () => {
    expect(requestIdFor(new Headers({ "X-Request-Id": " edge-42.a:7 " }))).toBe("edge-42.a:7");
  });

  it.each([
    ["none", undefined],
    ["an empty one", ""],
    ["one with spaces", "a b"],
    ["one that could forge a log line", 'x","level":"error'],
    ["one too long", "a".repeat(129)],
  ])("makes a new UUID for %s", (_, given) => {
    const headers = new Headers(given === undefined ? {} : { "X-Request-Id": given });
    const id = requestIdFor(headers);
    expect(id).toMatch(UUID);
    expect(requestIdFor(headers)).not.toBe(id);
  });
});
