/**
 * Hostile requests against every route handler (SPEC.md, "Rules every handler keeps"): each gets
 * its exact status and error code in the envelope, and nothing at all reaches Exist (the sandbox's
 * request log stays empty). One table, run on every state-changing route (acquire, release, the
 * value writes, tag creation) wherever the case applies.
 */
import { encode } from "next-auth/jwt";
import { expect, test } from "@playwright/test";
import { APP_URL } from "../env";
import { sandbox } from "../sandbox";
import { SESSION_COOKIE, sealSession } from "../session";
import { SAME_ORIGIN, call, postOnOwnConnection, type Answer } from "../api/http";

const ACQUIRE = "/api/attributes/acquire";
const RELEASE = "/api/attributes/release";
const UPDATE = "/api/values/update";
const INCREMENT = "/api/values/increment";
const CREATE = "/api/attributes/create";
const OWNERSHIP_ROUTES = [ACQUIRE, RELEASE] as const;
const VALUE_ROUTES = [UPDATE, INCREMENT] as const;
const WRITE_ROUTES = [...OWNERSHIP_ROUTES, ...VALUE_ROUTES, CREATE] as const;
const READ_ROUTES = ["/api/attributes", "/api/templates", "/api/values/day"] as const;
type Route = (typeof WRITE_ROUTES)[number] | (typeof READ_ROUTES)[number];

const JSON_TYPE = { "Content-Type": "application/json" };
const VALID = '[{"name":"mood"}]';
/** A body each route would take, for the cases that must fail on something else. */
const validBody = (route: Route) =>
  (VALUE_ROUTES as readonly string[]).includes(route)
    ? '[{"name":"mood","date":"2026-01-01","value":5}]'
    : route === CREATE
      ? '[{"label":"Swim"}]'
      : VALID;

type Request = { method?: string; headers?: Record<string, string>; body?: unknown };
type Case = {
  name: string;
  routes: readonly Route[];
  /** The request, sent with a valid session cookie. A Uint8Array body goes out exactly as it is. */
  request: Request;
  status: number;
  code: string;
  /** The message must name the problem. */
  message?: RegExp;
};

/** A same-origin JSON POST of `body` (a string is sent as it is). */
const json = (body: unknown): Case["request"] => ({
  method: "POST",
  headers: { ...SAME_ORIGIN, ...JSON_TYPE },
  body: typeof body === "string" ? body : JSON.stringify(body),
});

const validation = (
  name: string,
  body: unknown,
  message: RegExp,
  routes: readonly Route[] = OWNERSHIP_ROUTES,
): Case => ({ name, routes, request: json(body), status: 422, code: "validation_failed", message });

const NAME_RULE = /^\[0\]\.name: must be a plain Exist name/;

const CASES: Case[] = [
  // Body: JSON.
  {
    name: "malformed JSON",
    routes: WRITE_ROUTES,
    request: json('[{"name": "mood"'),
    status: 400,
    code: "invalid_json",
  },
  {
    name: "an empty body",
    routes: WRITE_ROUTES,
    request: json(""),
    status: 400,
    code: "invalid_json",
  },
  {
    name: "JSON with a trailing comma",
    routes: WRITE_ROUTES,
    request: json('[{"name":"mood"},]'),
    status: 400,
    code: "invalid_json",
  },
  // Body: media type (a cross-site <form> can send text/plain, urlencoded and multipart).
  ...(
    [
      ["text/plain", VALID],
      ["text/plain;charset=UTF-8", VALID],
      ["application/x-www-form-urlencoded", "name=mood"],
      [
        "multipart/form-data; boundary=x",
        '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nmood\r\n--x--',
      ],
      ["application/json-patch+json", VALID],
    ] as const
  ).map(([type, body]): Case => ({
    name: `a ${type} body`,
    routes: WRITE_ROUTES,
    request: { method: "POST", headers: { ...SAME_ORIGIN, "Content-Type": type }, body },
    status: 415,
    code: "unsupported_media_type",
  })),
  {
    name: "no Content-Type at all",
    routes: WRITE_ROUTES,
    request: { method: "POST", headers: SAME_ORIGIN, body: new TextEncoder().encode(VALID) },
    status: 415,
    code: "unsupported_media_type",
  },
  // Body: shape.
  validation("an empty array", [], /must name at least one attribute/),
  validation("null", null, /expected array/i),
  validation("an object instead of an array", { name: "mood" }, /expected array/i),
  validation("a string instead of an array", '"mood"', /expected array/i),
  validation("a bare name in the array", ["mood"], /^\[0\]/),
  validation("an unknown key", [{ name: "mood", owner: "oura" }], /^\[0\]/),
  validation("a __proto__ key", '[{"name":"mood","__proto__":{"manual":true}}]', /^\[0\]/),
  validation("only a __proto__ key", '[{"__proto__":{"name":"mood"}}]', /^\[0\]/),
  validation(
    "a constructor key",
    '[{"name":"mood","constructor":{"prototype":{"x":1}}}]',
    /^\[0\]/,
  ),
  validation("a number as name", [{ name: 42 }], /^\[0\]\.name/),
  validation("null as name", [{ name: null }], /^\[0\]\.name/),
  validation("an array as name", [{ name: ["mood"] }], /^\[0\]\.name/),
  validation("an empty name", [{ name: "" }], NAME_RULE),
  validation("a whitespace name", [{ name: "   " }], NAME_RULE),
  validation("a name with a slash", [{ name: "../owned" }], NAME_RULE),
  validation("a name with a NUL byte", [{ name: "mood\u0000" }], NAME_RULE),
  validation("a unicode name", [{ name: "mööd" }], NAME_RULE),
  validation("an upper-case name", [{ name: "Mood" }], NAME_RULE),
  validation("a 200-character name", [{ name: "a".repeat(200) }], NAME_RULE),
  validation(
    "a bad name after good ones (the first problem is named)",
    [{ name: "mood" }, { name: "steps" }, { name: "Steps!" }],
    /^\[2\]\.name: must be a plain Exist name/,
  ),
  validation(
    "1001 items",
    Array.from({ length: 1001 }, () => ({ name: "mood" })),
    /at most 1000 attributes/,
  ),
  validation("a template on release", [{ template: "mood" }], /^\[0\]/, [RELEASE]),
  validation("manual on release", [{ name: "mood", manual: true }], /^\[0\]/, [RELEASE]),
  validation("both name and template", [{ name: "mood", template: "mood" }], /^\[0\]/, [ACQUIRE]),
  validation("neither name nor template", [{ manual: true }], /^\[0\]/, [ACQUIRE]),
  validation("manual that is not a boolean", [{ name: "mood", manual: "yes" }], /^\[0\]\.manual/, [
    ACQUIRE,
  ]),
  validation("a bad template name", [{ template: "Mood read" }], /^\[0\]\.template/, [ACQUIRE]),
  // Value writes: what the body's shape refuses, before any attribute is looked up.
  ...(
    [
      ["an empty array", [], /must hold at least one value/],
      [
        "an object instead of an array",
        { name: "water", date: "2026-01-01", value: 1 },
        /expected array/i,
      ],
      ["a value missing", [{ name: "water", date: "2026-01-01" }], /^\[0\]\.value/],
      ["a date missing", [{ name: "water", value: 1 }], /^\[0\]\.date/],
      ["a boolean value", [{ name: "swim", date: "2026-01-01", value: true }], /^\[0\]\.value/],
      ["null as value", [{ name: "water", date: "2026-01-01", value: null }], /^\[0\]\.value/],
      [
        "an object as value",
        [{ name: "water", date: "2026-01-01", value: { ml: 1 } }],
        /^\[0\]\.value/,
      ],
      ["an array as value", [{ name: "water", date: "2026-01-01", value: [1] }], /^\[0\]\.value/],
      [
        "a number too large for JSON",
        '[{"name":"water","date":"2026-01-01","value":1e400}]',
        /^\[0\]\.value/,
      ],
      [
        "a 20,000-character value",
        [{ name: "mood_note", date: "2026-01-01", value: "x".repeat(20_000) }],
        /^\[0\]\.value: is far too long/,
      ],
      [
        "an impossible date (2026-02-31)",
        [{ name: "water", date: "2026-02-31", value: 1 }],
        /^\[0\]\.date: 2026-02-31 is not a date on the calendar/,
      ],
      [
        "a date in another format",
        [{ name: "water", date: "01/02/2026", value: 1 }],
        /^\[0\]\.date: Enter a date as YYYY-MM-DD/,
      ],
      [
        "a date with a time",
        [{ name: "water", date: "2026-01-01T00:00:00Z", value: 1 }],
        /^\[0\]\.date/,
      ],
      ["a number as date", [{ name: "water", date: 20260101, value: 1 }], /^\[0\]\.date/],
      ["an upper-case name", [{ name: "Water", date: "2026-01-01", value: 1 }], NAME_RULE],
      ["an unknown key", [{ name: "water", date: "2026-01-01", value: 1, mode: "add" }], /^\[0\]/],
      [
        "a __proto__ key",
        '[{"name":"water","date":"2026-01-01","value":1,"__proto__":{"x":1}}]',
        /^\[0\]/,
      ],
      [
        "1001 values",
        Array.from({ length: 1001 }, () => ({ name: "water", date: "2026-01-01", value: 1 })),
        /at most 1000 values/,
      ],
    ] as const
  ).map(([name, body, message]) => validation(`values: ${name}`, body, message, VALUE_ROUTES)),
  // Tags: a label and nothing else.
  ...(
    [
      ["an empty array", [], /must hold at least one tag/],
      ["a bare label", ["Swim"], /^\[0\]/],
      ["an empty label", [{ label: "  " }], /^\[0\]\.label: Enter a name/],
      ["a number as label", [{ label: 7 }], /^\[0\]\.label/],
      ["a 5,000-character label", [{ label: "x".repeat(5000) }], /^\[0\]\.label: .*at most 100/],
      ["a label with a NUL byte", [{ label: "Swim\u0000" }], /control characters/],
      ["a name beside the label", [{ label: "Swim", name: "swim" }], /^\[0\]/],
      ["a value type beside the label", [{ label: "Swim", value_type: 0 }], /^\[0\]/],
      ["the same label twice", [{ label: "Swim" }, { label: "SWIM" }], /^\[1\]\.label/],
      [
        "1001 tags",
        Array.from({ length: 1001 }, (_, i) => ({ label: `t${i}` })),
        /at most 1000 tags/,
      ],
    ] as const
  ).map(([name, body, message]) => validation(`tags: ${name}`, body, message, [CREATE])),
  // Method.
  ...(["GET", "PUT", "PATCH", "DELETE"] as const).map((method): Case => ({
    name: `${method} on a POST route`,
    routes: WRITE_ROUTES,
    request: { method, headers: SAME_ORIGIN },
    status: 405,
    code: "method_not_allowed",
  })),
  ...(["POST", "DELETE"] as const).map((method): Case => ({
    name: `${method} on a GET route`,
    routes: READ_ROUTES,
    request: { method, headers: { ...SAME_ORIGIN, ...JSON_TYPE }, body: "[]" },
    status: 405,
    code: "method_not_allowed",
  })),
  // Origin (checked first: a cross-site page never learns more than 403).
  ...(
    [
      ["a foreign Origin", { Origin: "https://evil.example" }],
      ["Origin: null (sandboxed frame, file:)", { Origin: "null" }],
      ["the app's host under another name", { Origin: APP_URL.replace("localhost", "127.0.0.1") }],
      ["a look-alike origin", { Origin: `${APP_URL}.evil.example` }],
      ["the app's origin on another port", { Origin: APP_URL.replace(/:\d+$/, ":1") }],
      ["no Origin, Sec-Fetch-Site: cross-site", { "Sec-Fetch-Site": "cross-site" }],
      ["no Origin, Sec-Fetch-Site: same-site", { "Sec-Fetch-Site": "same-site" }],
      ["no Origin and no Sec-Fetch-Site", {}],
      [
        "a foreign Origin that claims Sec-Fetch-Site: same-origin",
        { Origin: "https://evil.example", "Sec-Fetch-Site": "same-origin" },
      ],
    ] as const
  ).map(([name, headers]): Case => ({
    name,
    routes: WRITE_ROUTES,
    request: { method: "POST", headers: { ...JSON_TYPE, ...headers }, body: VALID },
    status: 403,
    code: "forbidden_origin",
  })),
  {
    name: "a cross-site form post (text/plain, foreign Origin)",
    routes: WRITE_ROUTES,
    request: {
      method: "POST",
      headers: { Origin: "https://evil.example", "Content-Type": "text/plain" },
      body: VALID,
    },
    status: 403,
    code: "forbidden_origin",
  },
];

/** Sessions that are not one, on every route (with a request that is otherwise valid). */
const SESSION_CASES: Array<{
  name: string;
  cookie: (valid: string) => Promise<string | undefined>;
}> = [
  { name: "no session", cookie: async () => undefined },
  { name: "a garbled session cookie", cookie: async () => `${SESSION_COOKIE}=not-a-jwe` },
  {
    name: "a truncated session cookie",
    cookie: async (valid) => valid.slice(0, Math.floor(valid.length / 2)),
  },
  {
    name: "a session cookie sealed with another secret",
    cookie: async () => {
      const { token } = await sealSession("demo");
      const value = await encode({ token, secret: "another-secret-0123456789abcdef0123456789" });
      return `${SESSION_COOKIE}=${value}`;
    },
  },
];

let validCookie: string;

test.beforeAll(async () => {
  await sandbox.reset();
  await sandbox.clearFaults();
  ({ cookie: validCookie } = await sealSession("demo"));
});

test.beforeEach(async () => {
  await sandbox.clearRequests();
});

test.afterEach(async () => {
  // Every request in this file is refused before anything goes to Exist.
  expect(await sandbox.requests()).toEqual([]);
});

function expectError(answer: Pick<Answer, "status" | "body">, status: number, code: string) {
  expect(answer.status).toBe(status);
  expect(answer.body).toEqual({ error: { code, message: expect.any(String) } });
}

for (const hostile of CASES) {
  for (const route of hostile.routes) {
    test(`${route}: ${hostile.name} → ${hostile.status} ${hostile.code}`, async () => {
      const { method, headers, body } = hostile.request;
      const answer =
        body instanceof Uint8Array
          ? // Node's fetch would add a Content-Type; a raw request sends only these headers.
            {
              ...(await postOnOwnConnection(route, [body], { ...headers, Cookie: validCookie })),
              headers: new Headers(),
            }
          : await call(route, { method, headers, body, cookie: validCookie });
      expectError(answer, hostile.status, hostile.code);
      if (hostile.message) {
        expect((answer.body as { error: { message: string } }).error.message).toMatch(
          hostile.message,
        );
      }
      if (hostile.status === 405) {
        const posts = (WRITE_ROUTES as readonly string[]).includes(route);
        expect(answer.headers.get("allow")).toBe(posts ? "POST" : "GET");
      }
    });
  }
}

for (const session of SESSION_CASES) {
  for (const route of [...WRITE_ROUTES, ...READ_ROUTES]) {
    test(`${route}: ${session.name} → 401 unauthenticated`, async () => {
      const write = (WRITE_ROUTES as readonly string[]).includes(route);
      const answer = await call(route, {
        method: write ? "POST" : "GET",
        headers: write ? { ...SAME_ORIGIN, ...JSON_TYPE } : {},
        body: write ? validBody(route) : undefined,
        cookie: await session.cookie(validCookie),
      });
      expectError(answer, 401, "unauthenticated");
      expect(answer.setCookie).toBeUndefined();
    });
  }
}

for (const route of WRITE_ROUTES) {
  test(`${route}: a body over 64 KiB → 413 payload_too_large, by Content-Length and by bytes read`, async () => {
    const big = JSON.stringify(Array.from({ length: 5000 }, () => ({ name: "steps_active_min" })));
    const bytes = new TextEncoder().encode(big);
    expect(bytes.length).toBeGreaterThan(64 * 1024);
    const headers = { ...SAME_ORIGIN, ...JSON_TYPE, Cookie: validCookie };

    const declared = await postOnOwnConnection(route, [bytes], {
      ...headers,
      "Content-Length": String(bytes.length),
    });
    expectError(declared, 413, "payload_too_large");

    // Chunked, with no Content-Length: the limit holds on what actually arrives.
    const chunks = Array.from({ length: Math.ceil(bytes.length / 8192) }, (_, index) =>
      bytes.slice(index * 8192, (index + 1) * 8192),
    );
    const streamed = await postOnOwnConnection(route, chunks, {
      ...headers,
      "Transfer-Encoding": "chunked",
    });
    expectError(streamed, 413, "payload_too_large");
  });
}

/**
 * What only the person's own attributes and today can tell. With the list and the values loaded
 * (as the page has them), the write routes refuse these from their caches: no call reaches Exist.
 */
const londonDay = (offsetDays: number) => {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date());
  const day = new Date(`${today}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + offsetDays);
  return day.toISOString().slice(0, 10);
};

const PERSONAL_CASES: Array<{ name: string; route: Route; body: unknown[]; message: RegExp }> = [
  {
    name: "a day after the person's today",
    route: UPDATE,
    body: [{ name: "mood", date: londonDay(1), value: 5 }],
    message: /^\[0\]\.date: The date can't be after today$/,
  },
  {
    name: "a name that is not one of the person's attributes",
    route: UPDATE,
    body: [
      { name: "mood", date: londonDay(0), value: 5 },
      { name: "not_mine", date: londonDay(0), value: 1 },
    ],
    message: /^\[1\]\.name: there is no attribute named not_mine$/,
  },
  {
    name: "a string for a scale",
    route: UPDATE,
    body: [{ name: "mood", date: londonDay(0), value: "great" }],
    message: /^\[0\]\.value: Mood must be a whole number from 1 to 9$/,
  },
  {
    name: "adding to a scale",
    route: INCREMENT,
    body: [{ name: "mood", date: londonDay(0), value: 1 }],
    message: /^\[0\]\.value: Mood can't be added to/,
  },
  {
    name: "the same attribute and day twice",
    route: INCREMENT,
    body: [
      { name: "steps", date: londonDay(0), value: 10 },
      { name: "steps", date: londonDay(0), value: 10 },
    ],
    message: /^\[1\]: steps on .* more than once$/,
  },
];

for (const personal of PERSONAL_CASES) {
  test(`${personal.route}: ${personal.name} → 422 validation_failed, nothing sent to Exist`, async () => {
    await call("/api/attributes", { cookie: validCookie });
    await call("/api/values", { cookie: validCookie });
    await sandbox.clearRequests();
    const answer = await call(personal.route, { ...json(personal.body), cookie: validCookie });
    expectError(answer, 422, "validation_failed");
    expect((answer.body as { error: { message: string } }).error.message).toMatch(personal.message);
  });
}

test("the refusals leave the app working: a valid request afterwards reaches Exist once", async () => {
  // Also shows that the __proto__/constructor bodies polluted no prototype the handler relies on.
  const answer = await call(ACQUIRE, { ...json(VALID), cookie: validCookie });
  expect(answer.status).toBe(200);
  expect(answer.body).toMatchObject({ success: [{ name: "mood" }], failed: [] });
  const requests = await sandbox.requests();
  expect(requests.map((request) => request.path)).toEqual(["/api/2/attributes/acquire/"]);
  await sandbox.reset();
  await sandbox.clearRequests(); // afterEach expects an empty log
});
