import { describe, expect, it } from "vitest";
import { formatApiLog } from "@/lib/api/log";
import { countExistCalls, recordExistCall } from "@/lib/exist/call-stats";

describe("the API log line", () => {
  it("names method, route, status, time and the Exist calls, and nothing else", () => {
    expect(
      formatApiLog({
        method: "POST",
        route: "/api/attributes/acquire",
        status: 202,
        ms: 123.4,
        exist: { calls: 3, ms: 98.6 },
      }),
    ).toBe("api POST /api/attributes/acquire 202 123ms exist_calls=3 exist_ms=99");
  });

  it("marks the attributes page's server-side prefetch as such", () => {
    expect(
      formatApiLog({
        kind: "prefetch",
        method: "GET",
        route: "/attributes",
        status: 200,
        ms: 8.2,
        exist: { calls: 2, ms: 6.4 },
      }),
    ).toBe("prefetch GET /attributes 200 8ms exist_calls=2 exist_ms=6");
  });

  it("counts the calls made on behalf of each request separately, concurrent ones included", async () => {
    const tick = () => new Promise((resolve) => setTimeout(resolve, 1));
    const request = (calls: number) =>
      countExistCalls(async () => {
        for (let index = 0; index < calls; index += 1) {
          await tick();
          recordExistCall(10);
        }
        return calls;
      });
    const [one, three] = await Promise.all([request(1), request(3)]);
    expect(one.stats).toEqual({ calls: 1, ms: 10 });
    expect(three).toEqual({ result: 3, stats: { calls: 3, ms: 30 } });
    recordExistCall(5); // outside any request: counted nowhere, and no error
  });
});
