import { describe, expect, it, vi } from "vitest";
import { createExistClient, fixedToken, type TokenSource } from "@/lib/exist/client";
import { ExistError } from "@/lib/exist/errors";

const BASE = "https://exist.example";

function attribute(name: string, priority = 1) {
  return {
    template: name,
    name,
    label: name,
    group: { name: "activity", label: "Activity", priority: 1 },
    service: null,
    active: true,
    priority,
    manual: false,
    value_type: 0,
    value_type_description: "Integer",
    available_services: [],
  };
}

type Call = { url: URL; init: RequestInit; body: unknown };

/** A stubbed fetch: `answer` decides each response; every call is recorded. */
function stubFetch(answer: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (input: URL | RequestInfo, init: RequestInit = {}) => {
    const body = typeof init.body === "string" ? JSON.parse(init.body) : undefined;
    const call = { url: new URL(String(input)), init, body };
    calls.push(call);
    return answer(call);
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

const json = (data: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(data), {
    status,
    headers: { "Content-Type": "application/json", ...headers },
  });

function client(fetch: typeof globalThis.fetch, tokens: TokenSource = fixedToken("t0")) {
  return createExistClient({ baseUrl: BASE, timeoutMs: 200, fetch }, tokens);
}

/** Echoes an ownership call: every item succeeds, except names starting with "bad". */
function ownershipEcho(call: Call) {
  const items = call.body as Array<{ name: string }>;
  const failed = items
    .filter((item) => item.name.startsWith("bad"))
    .map((item) => ({ ...item, error_code: "not_found", error: "no such attribute" }));
  const success = items.filter((item) => !item.name.startsWith("bad"));
  return json({ success, failed }, failed.length ? 202 : 200);
}

describe("Exist client requests", () => {
  it("sends only Authorization, Accept and Content-Type, with a timeout signal", async () => {
    const { fetch, calls } = stubFetch(ownershipEcho);
    await client(fetch).acquire([{ name: "steps" }]);
    const [call] = calls;
    expect(call?.url.href).toBe(`${BASE}/api/2/attributes/acquire/?success_objects=true`);
    expect(call?.init.method).toBe("POST");
    expect(call?.init.headers).toEqual({
      Authorization: "Bearer t0",
      Accept: "application/json",
      "Content-Type": "application/json",
    });
    expect(call?.init.signal).toBeInstanceOf(AbortSignal);
    expect(call?.init.redirect).toBe("error");
  });

  it("reads with-values/ in both shapes: every day with null (docs) or only days with data (live)", async () => {
    const { fetch, calls } = stubFetch(({ url }) =>
      json({
        count: 2,
        next: null,
        previous: null,
        results: [
          {
            name: "steps",
            value_type: 0,
            subgroup: null,
            values: [
              { date: "2026-11-30", value: null },
              { date: "2026-11-29", value: 812 },
            ],
          },
          { name: "mood", value_type: 8, values: [{ date: "2026-11-29", value: 7 }] },
          { name: "old", value_type: 0 },
        ].map((item) => ({ ...item, days: url.searchParams.get("days") })),
      }),
    );
    const items = await client(fetch).withValues(14);
    expect(calls[0]?.url.searchParams.get("days")).toBe("14");
    expect(calls[0]?.url.searchParams.get("limit")).toBe("100");
    expect(items).toEqual([
      {
        name: "steps",
        value_type: 0,
        values: [
          { date: "2026-11-30", value: null },
          { date: "2026-11-29", value: 812 },
        ],
      },
      { name: "mood", value_type: 8, values: [{ date: "2026-11-29", value: 7 }] },
      { name: "old", value_type: 0, values: [] },
    ]);
  });

  it("lists attributes with every documented filter and all pages", async () => {
    const { fetch, calls } = stubFetch(({ url }) => {
      const page = Number(url.searchParams.get("page") ?? 1);
      const next = page === 1 ? `${BASE}/api/2/attributes/?limit=100&page=2` : null;
      return json({
        count: 3,
        next,
        previous: null,
        results: page === 1 ? [attribute("a"), attribute("b")] : [attribute("c")],
      });
    });
    const attributes = await client(fetch).attributes();
    expect(attributes.map((item) => item.name)).toEqual(["a", "b", "c"]);
    const first = calls[0]?.url;
    expect(first?.pathname).toBe("/api/2/attributes/");
    expect(Object.fromEntries(first?.searchParams ?? [])).toEqual({
      limit: "100",
      include_inactive: "true",
      include_low_priority: "true",
    });
    expect(calls[0]?.init.headers).toEqual({
      Authorization: "Bearer t0",
      Accept: "application/json",
    });
  });
});

describe("Exist client errors", () => {
  const cases: Array<[string, () => Response | Promise<Response>, object]> = [
    ["401", () => json({ detail: "bad token" }, 401), { kind: "unauthorized" }],
    [
      "429 with Retry-After",
      () => new Response("", { status: 429, headers: { "Retry-After": "120" } }),
      { kind: "rate_limited", details: { status: 429, retryAfter: 120 } },
    ],
    ["500", () => json({ detail: "boom" }, 500), { kind: "upstream", details: { status: 500 } }],
    ["a 400", () => json({ detail: "too many" }, 400), { kind: "upstream" }],
    ["a network error", () => Promise.reject(new TypeError("fetch failed")), { kind: "upstream" }],
    ["a body that is not JSON", () => new Response("<html>"), { kind: "invalid_response" }],
    ["JSON of the wrong shape", () => json({ count: "many" }), { kind: "invalid_response" }],
  ];

  it.each(cases)("turns %s into a typed error without Exist's body", async (_, answer, match) => {
    const { fetch } = stubFetch(answer);
    const error = await client(fetch)
      .profile()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ExistError);
    expect(error).toMatchObject(match);
    expect((error as Error).message).not.toMatch(/bad token|boom|too many|html/);
  });

  it("gives up after the timeout", async () => {
    const { fetch } = stubFetch(
      ({ init }) =>
        new Promise<Response>((_, reject) =>
          init.signal?.addEventListener("abort", () => reject(init.signal?.reason)),
        ),
    );
    await expect(client(fetch).profile()).rejects.toMatchObject({ kind: "timeout" });
  });
});

describe("Exist client refresh on 401", () => {
  it("refreshes once and retries once with the new token", async () => {
    const { fetch, calls } = stubFetch(({ init }) => {
      const auth = (init.headers as Record<string, string>).Authorization;
      return auth === "Bearer t1" ? json({ username: "demo" }) : json({ detail: "expired" }, 401);
    });
    const refresh = vi.fn(async () => "t1");
    const profile = await client(fetch, { accessToken: async () => "t0", refresh }).profile();
    expect(profile.username).toBe("demo");
    expect(refresh).toHaveBeenCalledExactlyOnceWith("t0");
    expect(calls).toHaveLength(2);
  });

  it("does not retry a second time", async () => {
    const { fetch, calls } = stubFetch(() => json({ detail: "expired" }, 401));
    const refresh = vi.fn(async () => "t1");
    await expect(
      client(fetch, { accessToken: async () => "t0", refresh }).profile(),
    ).rejects.toMatchObject({ kind: "unauthorized" });
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(calls).toHaveLength(2);
  });
});

describe("acquire and release in chunks", () => {
  const items = (count: number, prefix = "a") =>
    Array.from({ length: count }, (_, index) => ({ name: `${prefix}${index}` }));

  it("sends 100 items as 35, 35 and 30 and merges the answers", async () => {
    const { fetch, calls } = stubFetch(ownershipEcho);
    const outcome = await client(fetch).acquire(items(100));
    expect(calls.map((call) => (call.body as unknown[]).length)).toEqual([35, 35, 30]);
    expect(outcome.status).toBe(200);
    expect(outcome.result.success).toHaveLength(100);
    expect(outcome.result.failed).toEqual([]);
    expect(outcome.untried).toBeNull();
  });

  it("keeps Exist's 202 and its failed items", async () => {
    const { fetch } = stubFetch(ownershipEcho);
    const outcome = await client(fetch).release([...items(40), { name: "bad_one" }]);
    expect(outcome.status).toBe(202);
    expect(outcome.result.success).toHaveLength(40);
    expect(outcome.result.failed).toEqual([
      { name: "bad_one", error_code: "not_found", error: "no such attribute" },
    ]);
    expect(outcome.untried).toBeNull();
  });

  it.each([
    [500, "upstream"],
    [429, "rate_limited"],
  ])("keeps earlier chunks when a later one fails with %i", async (status, kind) => {
    const { fetch, calls } = stubFetch((call) =>
      calls.length === 2 ? new Response("", { status }) : ownershipEcho(call),
    );
    const outcome = await client(fetch).acquire(items(100));
    expect(calls).toHaveLength(2);
    expect(outcome.status).toBe(202);
    expect(outcome.result.success).toHaveLength(35);
    expect(outcome.result.failed).toEqual([]);
    expect(outcome.untried?.items).toEqual(items(100).slice(35));
    expect(outcome.untried?.error).toMatchObject({ kind, details: { status } });
  });

  it("keeps earlier chunks when a later one times out", async () => {
    const { fetch, calls } = stubFetch((call) =>
      calls.length === 3
        ? new Promise<Response>((_, reject) =>
            call.init.signal?.addEventListener("abort", () => reject(call.init.signal?.reason)),
          )
        : ownershipEcho(call),
    );
    const outcome = await client(fetch).acquire(items(100));
    expect(outcome.result.success).toHaveLength(70);
    expect(outcome.untried?.items).toEqual(items(100).slice(70));
    expect(outcome.untried?.error).toMatchObject({ kind: "timeout" });
  });

  it("throws when the first chunk fails", async () => {
    const { fetch, calls } = stubFetch(() => new Response("", { status: 503 }));
    await expect(client(fetch).acquire(items(100))).rejects.toMatchObject({
      kind: "upstream",
    });
    expect(calls).toHaveLength(1);
  });
});

describe("writing values and creating tags", () => {
  const values = (count: number) =>
    Array.from({ length: count }, (_, index) => ({
      name: "water",
      date: `2026-01-${String((index % 28) + 1).padStart(2, "0")}`,
      value: index,
    }));

  it.each(["update", "increment"] as const)(
    "%s sends 100 values as 35, 35 and 30 to its own endpoint, dates always sent",
    async (mode) => {
      const { fetch, calls } = stubFetch(ownershipEcho);
      const outcome = await client(fetch)[mode](values(100));
      expect(calls.map((call) => call.url.pathname)).toEqual(
        Array(3).fill(`/api/2/attributes/${mode}/`),
      );
      expect(calls.map((call) => (call.body as unknown[]).length)).toEqual([35, 35, 30]);
      expect((calls[0]?.body as Array<{ date: string }>)[1]).toEqual(values(2)[1]);
      expect(outcome.result.success).toHaveLength(100);
    },
  );

  it("never sends an increment twice: a call that timed out is reported, not retried", async () => {
    const { fetch, calls } = stubFetch((call) =>
      calls.length === 2
        ? new Promise<Response>((_, reject) =>
            call.init.signal?.addEventListener("abort", () => reject(call.init.signal?.reason)),
          )
        : ownershipEcho(call),
    );
    const outcome = await client(fetch).increment(values(100));
    expect(calls).toHaveLength(2);
    expect(outcome.result.success).toHaveLength(35);
    expect(outcome.untried).toMatchObject({ sent: 35, error: { kind: "timeout" } });
    expect(outcome.untried?.items).toEqual(values(100).slice(35));
  });

  it("throws when the first increment's answer is lost, after one call", async () => {
    const { fetch, calls } = stubFetch(() => Promise.reject(new TypeError("socket hang up")));
    await expect(client(fetch).increment(values(3))).rejects.toMatchObject({ kind: "upstream" });
    expect(calls).toHaveLength(1);
  });

  it("creates with success_objects and reads a day back with date_max and limit=1", async () => {
    const { fetch, calls } = stubFetch(({ url }) =>
      url.pathname.endsWith("/values/")
        ? json({
            count: 9,
            next: null,
            previous: null,
            results: [{ date: "2026-01-02", value: 5 }],
          })
        : json({ success: [], failed: [] }),
    );
    const exist = client(fetch);
    await exist.create([{ label: "Swim", group: "custom", value_type: 7, manual: true }]);
    expect(calls[0]?.url.href).toBe(`${BASE}/api/2/attributes/create/?success_objects=true`);
    expect(calls[0]?.body).toEqual([
      { label: "Swim", group: "custom", value_type: 7, manual: true },
    ]);

    expect(await exist.dayValue("water", "2026-01-02")).toBe(5);
    expect(Object.fromEntries(calls[1]?.url.searchParams ?? [])).toEqual({
      attribute: "water",
      date_max: "2026-01-02",
      limit: "1",
    });
    // The newest value up to a day with none is an older day's: that day has no value.
    expect(await exist.dayValue("water", "2026-01-03")).toBeNull();
  });

  it("reads named attributes whatever their state", async () => {
    const { fetch, calls } = stubFetch(() =>
      json({ count: 1, next: null, previous: null, results: [attribute("weight")] }),
    );
    const found = await client(fetch).attributesNamed(["weight", "water"]);
    expect(found.map((item) => item.name)).toEqual(["weight"]);
    expect(Object.fromEntries(calls[0]?.url.searchParams ?? [])).toMatchObject({
      attributes: "weight,water",
      include_inactive: "true",
      include_low_priority: "true",
    });
  });
});
