import { describe, expect, it } from "vitest";
import { chunk } from "@/lib/exist/chunk";

describe("chunk", () => {
  it("splits 100 items into 35, 35 and 30, in order", () => {
    const items = Array.from({ length: 100 }, (_, index) => index);
    const chunks = chunk(items, 35);
    expect(chunks.map((part) => part.length)).toEqual([35, 35, 30]);
    expect(chunks.flat()).toEqual(items);
  });

  it("keeps exactly 35 in one chunk and nothing as no chunk", () => {
    expect(chunk(Array(35).fill(0), 35)).toHaveLength(1);
    expect(chunk(Array(36).fill(0), 35).map((part) => part.length)).toEqual([35, 1]);
    expect(chunk([], 35)).toEqual([]);
  });

  it("refuses a size below 1", () => {
    expect(() => chunk([1], 0)).toThrow(RangeError);
  });
});
