import { describe, expect, it, vi } from "vitest";
import { SingleFlight } from "@/lib/auth/single-flight";

describe("SingleFlight", () => {
  it("runs concurrent work for one key once", async () => {
    const flights = new SingleFlight<string>(60_000);
    let finish: (value: string) => void = () => undefined;
    const work = vi.fn(() => new Promise<string>((resolve) => (finish = resolve)));
    const results = Promise.all([1, 2, 3, 4, 5].map(() => flights.run("old", work)));
    finish("new");
    await expect(results).resolves.toEqual(["new", "new", "new", "new", "new"]);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it("keeps a result for keepMs, so later callers with the old key reuse it", async () => {
    let now = 0;
    const flights = new SingleFlight<string>(1000, () => now);
    const work = vi.fn(async () => "new");
    await flights.run("old", work);
    now = 900;
    await expect(flights.run("old", work)).resolves.toBe("new");
    expect(flights.peek("old")).toBe("new");
    expect(work).toHaveBeenCalledTimes(1);
    now = 1001;
    expect(flights.peek("old")).toBeUndefined();
    await flights.run("old", work);
    expect(work).toHaveBeenCalledTimes(2);
  });

  it("does not keep failures", async () => {
    const flights = new SingleFlight<string>(60_000);
    const failing = vi.fn(async () => {
      throw new Error("network");
    });
    const both = [flights.run("old", failing), flights.run("old", failing)];
    await expect(Promise.all(both)).rejects.toThrow("network");
    expect(failing).toHaveBeenCalledTimes(1);
    await expect(flights.run("old", async () => "new")).resolves.toBe("new");
  });

  it("keeps keys apart", async () => {
    const flights = new SingleFlight<string>(60_000);
    await flights.run("a", async () => "for a");
    await expect(flights.run("b", async () => "for b")).resolves.toBe("for b");
    expect(flights.peek("a")).toBe("for a");
    expect(flights.peek("missing")).toBeUndefined();
  });
});
