/**
 * Writing what the app owns: POST /api/values/update and /increment, GET /api/values/day and
 * POST /api/attributes/create, against the sandbox's `auckland` account (Pacific/Auckland, far
 * from UTC; the app owns water, coffees, weight, mood, mood_note, sleep_end and the tag swim,
 * with values up to the person's yesterday). Each test asserts our answer and what the sandbox
 * received (its request log) or now stores.
 */
import { expect, test } from "@playwright/test";
import type {
  AttributesResponse,
  CreateTagsResponse,
  DayValueResponse,
  HistoryResponse,
  ValuesResponse,
  WriteValuesResponse,
} from "../../lib/api/contract";
import { sandbox } from "../sandbox";
import { sealSession, type SealedSession } from "../session";
import { SAME_ORIGIN, call, post } from "./http";

const UPDATE = "/api/2/attributes/update/";
const INCREMENT = "/api/2/attributes/increment/";
const CREATE = "/api/2/attributes/create/";

/** The person's today in Auckland, whatever the server's or this machine's zone. */
const aucklandDay = (offsetDays = 0) => {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Pacific/Auckland" }).format(
    new Date(),
  );
  const day = new Date(`${today}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + offsetDays);
  return day.toISOString().slice(0, 10);
};

/** The value the sandbox stores for `name` on `date` (null: none), read straight from it. */
async function stored(session: SealedSession, name: string, date: string) {
  const url = `${sandbox.url}/api/2/attributes/values/?attribute=${name}&date_max=${date}&limit=1`;
  const answer = await fetch(url, {
    headers: { Authorization: `Bearer ${session.tokens.access_token}` },
  });
  const page = (await answer.json()) as { results: Array<{ date: string; value: unknown }> };
  const [newest] = page.results;
  return newest?.date === date ? newest.value : null;
}

/** The API calls the sandbox received since the last clear, as `METHOD path (objects)`. */
async function existCalls(): Promise<string[]> {
  return (await sandbox.requests())
    .filter((request) => request.path.startsWith("/api/2/"))
    .map(
      (request) =>
        `${request.method} ${request.path}${request.objects === undefined ? "" : ` (${request.objects})`}`,
    );
}

const writeCalls = async () =>
  (await existCalls()).filter((line) => /\/(update|increment|create)\/ /.test(line));

let session: SealedSession;

test.beforeEach(async () => {
  await sandbox.reset();
  await sandbox.clearFaults();
  session = await sealSession("auckland");
  await sandbox.clearRequests();
});

test("Save stores the value on the person's own date in Auckland, and the page's values keep up", async () => {
  const today = aucklandDay();
  // The page has loaded its values: the time zone comes from there, and the write updates them.
  const before = (await call("/api/values", { cookie: session.cookie })).body as ValuesResponse;
  expect(before.timezone).toBe("Pacific/Auckland");
  expect(before.days.at(-1)).toBe(today);
  await sandbox.clearRequests();

  const answer = await post(
    "/api/values/update",
    [{ name: "water", date: today, value: 1500 }],
    session.cookie,
  );
  expect(answer.status).toBe(200);
  expect(answer.body).toEqual({
    success: [{ name: "water", date: today, value: 1500 }],
    failed: [],
  });
  // One call to Exist besides the list this session had not loaded yet; the profile came from
  // the cached values.
  expect(await writeCalls()).toEqual([`POST ${UPDATE} (1)`]);
  expect(await existCalls()).not.toContain("GET /api/2/accounts/profile/");
  const logged = (await sandbox.requests(UPDATE))[0];
  expect(logged?.query).toBe("success_objects=true");
  expect(await stored(session, "water", today)).toBe(1500);

  await sandbox.clearRequests();
  const after = (await call("/api/values", { cookie: session.cookie })).body as ValuesResponse;
  expect(after.values.water?.latest).toEqual({ date: today, value: 1500 });
  expect(after.values.water?.series.at(-1)).toBe(1500);
  expect(await existCalls()).toEqual([]);
});

test("a day after the person's today is refused, even when it is still that day in UTC", async () => {
  const tomorrow = aucklandDay(1);
  const answer = await post(
    "/api/values/update",
    [{ name: "water", date: tomorrow, value: 250 }],
    session.cookie,
  );
  expect(answer.status).toBe(422);
  expect(answer.body).toEqual({
    error: { code: "validation_failed", message: "[0].date: The date can't be after today" },
  });
  expect(await writeCalls()).toEqual([]);
});

test("Add to total answers the day's new total from Exist's current; never sent twice", async () => {
  const yesterday = aucklandDay(-1);
  const seeded = (await stored(session, "coffees", yesterday)) as number;
  expect(typeof seeded).toBe("number");
  await sandbox.clearRequests();
  const answer = await post(
    "/api/values/increment",
    [{ name: "coffees", date: yesterday, value: 2 }],
    session.cookie,
  );
  expect(answer.status).toBe(200);
  expect(answer.body).toEqual({
    success: [{ name: "coffees", date: yesterday, value: seeded + 2, added: 2 }],
    failed: [],
  });
  expect(await writeCalls()).toEqual([`POST ${INCREMENT} (1)`]);
  expect(await stored(session, "coffees", yesterday)).toBe(seeded + 2);
});

test("an increment whose answer is lost: outcome_unknown, one call only, and the day read back", async () => {
  const yesterday = aucklandDay(-1);
  const seeded = (await stored(session, "water", yesterday)) as number;
  // Exist takes the increment, but answers after our 3 s timeout.
  await sandbox.fault({ path: INCREMENT, delayMs: 3500, times: 1 });
  await sandbox.clearRequests();
  const answer = await post(
    "/api/values/increment",
    [{ name: "water", date: yesterday, value: 250 }],
    session.cookie,
  );
  expect(answer.status).toBe(502);
  expect(answer.body).toEqual({
    error: { code: "outcome_unknown", message: expect.stringMatching(/may or may not/) },
  });
  await expect.poll(() => stored(session, "water", yesterday)).toBe(seeded + 250);
  // No retry, by the route or the Exist client: the water was added once.
  expect(await writeCalls()).toEqual([`POST ${INCREMENT} (1)`]);

  const readBack = await call(`/api/values/day?attribute=water&date=${yesterday}`, {
    cookie: session.cookie,
  });
  expect(readBack.status).toBe(200);
  expect(readBack.body).toEqual({ name: "water", date: yesterday, value: seeded + 250 });
  const query = (await sandbox.requests("/api/2/attributes/values/")).at(-1)?.query ?? "";
  expect(Object.fromEntries(new URLSearchParams(query))).toEqual({
    attribute: "water",
    date_max: yesterday,
    limit: "1",
  });
});

test("a dropped connection on a later call: earlier values done, that call unknown, the rest untried", async () => {
  const items = Array.from({ length: 100 }, (_, index) => ({
    name: "water",
    date: aucklandDay(-index),
    value: 1000 + index,
  }));
  // Faults on one path apply in turn: the first call to update/ goes through (a fault with no
  // status, body or delay), the second gets no answer at all.
  await sandbox.fault({ path: UPDATE, delayMs: 0, times: 1 });
  await sandbox.fault({ path: UPDATE, drop: true, times: 1 });
  const answer = await post("/api/values/update", items, session.cookie);
  expect(answer.status).toBe(202);
  const body = answer.body as WriteValuesResponse;
  expect(body.success).toEqual(items.slice(0, 35));
  expect(body.failed).toEqual([]);
  expect(body.unknown).toEqual({
    items: items.slice(35, 70),
    code: "outcome_unknown",
    message: expect.any(String),
  });
  expect(body.untried).toEqual({
    items: items.slice(70),
    code: "upstream_error",
    message: expect.any(String),
  });
  expect(await writeCalls()).toEqual([`POST ${UPDATE} (35)`, `POST ${UPDATE} (35)`]);
  expect(await stored(session, "water", aucklandDay(-99))).not.toBe(1099);
});

test("an increment whose first call gets no answer is not sent again", async () => {
  await sandbox.fault({ path: INCREMENT, drop: true, times: 1 });
  const answer = await post(
    "/api/values/increment",
    [{ name: "coffees", date: aucklandDay(), value: 1 }],
    session.cookie,
  );
  expect(answer.status).toBe(502);
  expect((answer.body as { error: { code: string } }).error.code).toBe("outcome_unknown");
  expect(await writeCalls()).toEqual([`POST ${INCREMENT} (1)`]);
  expect((await sandbox.requests(INCREMENT)).map((request) => request.status)).toEqual([0]);
});

test("1000 values go to Exist as 29 calls of at most 35; 1001 are refused", async () => {
  const items = Array.from({ length: 100 }, (_, index) => ({
    name: "water",
    date: aucklandDay(-index),
    value: index * 10,
  }));
  const answer = await post("/api/values/update", items, session.cookie);
  expect(answer.status).toBe(200);
  expect((answer.body as WriteValuesResponse).success).toHaveLength(100);
  expect(await writeCalls()).toEqual([
    `POST ${UPDATE} (35)`,
    `POST ${UPDATE} (35)`,
    `POST ${UPDATE} (30)`,
  ]);
  expect(await stored(session, "water", aucklandDay(-99))).toBe(990);

  const many = Array.from({ length: 1000 }, (_, index) => ({
    name: ["water", "coffees", "weight", "mood"][index % 4] ?? "water",
    date: aucklandDay(-Math.floor(index / 4)),
    value: index % 4 === 3 ? 5 : 1,
  }));
  await sandbox.clearRequests();
  const big = await post("/api/values/update", many, session.cookie);
  expect(big.status).toBe(200);
  const summary = await sandbox.requestSummary();
  expect(summary[`POST ${UPDATE}`]).toEqual({ calls: 29, objects: 1000, statuses: { "200": 29 } });

  await sandbox.clearRequests();
  const tooMany = await post("/api/values/update", [...many, many[0]], session.cookie);
  expect(tooMany.status).toBe(422);
  expect(await writeCalls()).toEqual([]);
});

test("values are checked against each attribute's type; names not the person's are refused", async () => {
  const today = aucklandDay();
  const cases: Array<[string, unknown[], string]> = [
    [
      "update",
      [{ name: "nope", date: today, value: 1 }],
      "[0].name: there is no attribute named nope",
    ],
    // Reading a seeded attribute the person has, but does not own, is fine; its type still counts.
    [
      "update",
      [{ name: "water", date: today, value: "lots" }],
      "[0].value: Water must be a whole number",
    ],
    [
      "update",
      [{ name: "water", date: today, value: 2.5 }],
      "[0].value: Water must be a whole number",
    ],
    ["update", [{ name: "water", date: today, value: -5 }], "[0].value: Water can't be negative"],
    [
      "update",
      [{ name: "mood", date: today, value: 12 }],
      "[0].value: Mood must be a whole number from 1 to 9",
    ],
    [
      "update",
      [{ name: "swim", date: today, value: 2 }],
      "[0].value: Swim must be 1 (yes) or 0 (no)",
    ],
    [
      "update",
      [{ name: "mood_note", date: today, value: "x".repeat(1001) }],
      "[0].value: Mood note is at most 1000 characters",
    ],
    [
      "update",
      [{ name: "sleep_end", date: today, value: 1440 }],
      "[0].value: Wake time must be whole minutes from midnight, 0–1439",
    ],
    [
      "increment",
      [{ name: "mood", date: today, value: 1 }],
      "[0].value: Mood can't be added to: save the day's value instead",
    ],
    [
      "increment",
      [{ name: "water", date: today, value: 0 }],
      "[0].value: Water must be added in an amount above 0",
    ],
    [
      "update",
      [
        { name: "water", date: today, value: 1 },
        { name: "water", date: today, value: 2 },
      ],
      "[1]: water on " + today + " is in the body more than once",
    ],
    [
      "update",
      [{ name: "water", date: "2026-02-31", value: 1 }],
      "[0].date: 2026-02-31 is not a date on the calendar",
    ],
  ];
  for (const [mode, body, message] of cases) {
    const answer = await post(`/api/values/${mode}`, body, session.cookie);
    expect(answer.status, message).toBe(422);
    expect((answer.body as { error: { message: string } }).error.message).toBe(message);
  }
  expect(await writeCalls()).toEqual([]);
});

test("Exist refuses a value of an attribute another service took: the answer names that owner", async () => {
  const today = aucklandDay();
  const first = (await call("/api/attributes", { cookie: session.cookie }))
    .body as AttributesResponse;
  expect(first.attributes.find((item) => item.name === "weight")?.ownedByApp).toBe(true);
  await sandbox.setOwner("auckland", "weight", "withings");
  await sandbox.clearRequests();

  const answer = await post(
    "/api/values/update",
    [
      { name: "weight", date: today, value: 72.4 },
      { name: "water", date: today, value: 500 },
    ],
    session.cookie,
  );
  expect(answer.status).toBe(202);
  expect(answer.body).toEqual({
    success: [{ name: "water", date: today, value: 500 }],
    failed: [
      {
        name: "weight",
        date: today,
        value: 72.4,
        error_code: "unauthorised",
        error: expect.stringMatching(/does not belong to this service/),
        owner: { name: "withings", label: "Withings" },
      },
    ],
  });
  // The owner was read afresh, by name; nothing was acquired.
  const lookups = await sandbox.requests("/api/2/attributes/");
  expect(lookups.map((request) => new URLSearchParams(request.query).get("attributes"))).toEqual([
    "weight",
  ]);
  expect(await existCalls()).not.toContainEqual(expect.stringContaining("acquire"));
  expect(await stored(session, "weight", today)).toBeNull();

  // The cached list (a load without no-cache) already says Withings owns it.
  await sandbox.clearRequests();
  const cached = (await call("/api/attributes", { cookie: session.cookie }))
    .body as AttributesResponse;
  const weight = cached.attributes.find((item) => item.name === "weight");
  expect(weight).toMatchObject({ ownedByApp: false, service: { label: "Withings" } });
  expect(await existCalls()).toEqual([]);
});

test("New tag: Exist names it, the cached list gains it owned by this app, and it can be logged", async () => {
  await call("/api/attributes", { cookie: session.cookie });
  await sandbox.clearRequests();
  const answer = await post(
    "/api/attributes/create",
    [{ label: "Cold shower ❄️" }],
    session.cookie,
  );
  expect(answer.status).toBe(200);
  const body = answer.body as CreateTagsResponse;
  expect(body.failed).toEqual([]);
  expect(body.success).toEqual([
    expect.objectContaining({
      name: "cold_shower",
      label: "Cold shower ❄️",
      group: expect.objectContaining({ name: "custom" }),
      value_type: 7,
      manual: true,
      ownedByApp: true,
    }),
  ]);
  expect(await writeCalls()).toEqual([`POST ${CREATE} (1)`]);
  expect((await sandbox.requests(CREATE))[0]?.query).toBe("success_objects=true");
  const state = await sandbox.state("auckland");
  expect(state.find((item) => item.name === "cold_shower")).toMatchObject({
    group: { name: "custom" },
    service: { name: "exist_ownership" },
    manual: true,
  });

  await sandbox.clearRequests();
  const list = (await call("/api/attributes", { cookie: session.cookie }))
    .body as AttributesResponse;
  expect(list.attributes.find((item) => item.name === "cold_shower")?.ownedByApp).toBe(true);
  expect(await existCalls()).toEqual([]);

  const today = aucklandDay();
  const logged = await post(
    "/api/values/update",
    [{ name: "cold_shower", date: today, value: 1 }],
    session.cookie,
  );
  expect(logged.status).toBe(200);
  expect(await stored(session, "cold_shower", today)).toBe(1);

  const again = await post("/api/attributes/create", [{ label: "Cold shower" }], session.cookie);
  expect(again.status).toBe(202);
  expect((again.body as CreateTagsResponse).failed).toEqual([
    { label: "Cold shower", error_code: "exists", error: expect.any(String) },
  ]);
});

test("GET /api/values/day: the day's value or null; a bad query is 422, an unknown attribute 404", async () => {
  const yesterday = aucklandDay(-1);
  const today = aucklandDay();
  const seeded = await stored(session, "mood", yesterday);
  const read = (date: string, attribute = "mood") =>
    call(`/api/values/day?attribute=${attribute}&date=${date}`, { cookie: session.cookie });
  expect((await read(yesterday)).body).toEqual({ name: "mood", date: yesterday, value: seeded });
  // Seeded values stop at yesterday: today has none yet.
  expect(((await read(today)).body as DayValueResponse).value).toBeNull();
  expect((await read("2026-02-31")).status).toBe(422);
  expect((await read(today, "Mood")).status).toBe(422);
  const missing = await read(today, "no_such_thing");
  expect(missing.status).toBe(404);
  expect((missing.body as { error: { code: string } }).error.code).toBe("not_found");
});

test("the history records each write, its day and outcome, never the value", async () => {
  const today = aucklandDay();
  await call("/api/history", { method: "DELETE", cookie: session.cookie, headers: SAME_ORIGIN });
  await sandbox.setOwner("auckland", "weight", "withings");
  await post(
    "/api/values/update",
    [
      { name: "water", date: today, value: 1234 },
      { name: "weight", date: today, value: 70.5 },
    ],
    session.cookie,
  );
  await post("/api/values/increment", [{ name: "coffees", date: today, value: 3 }], session.cookie);
  await post("/api/attributes/create", [{ label: "Sauna" }], session.cookie);

  const history = await call("/api/history?kind=write", { cookie: session.cookie });
  expect(history.status).toBe(200);
  const entries = (history.body as HistoryResponse).entries;
  expect(
    entries.map((entry) => [
      entry.kind,
      entry.action,
      entry.attribute,
      entry.day,
      entry.outcome,
      entry.errorCode,
    ]),
  ).toEqual([
    ["write", "create", "sauna", null, "done", null],
    ["write", "increment", "coffees", today, "done", null],
    ["write", "update", "weight", today, "refused", "unauthorised"],
    ["write", "update", "water", today, "done", null],
  ]);
  expect(history.text).not.toMatch(/1234|70\.5/);
  const csv = await call("/api/history/csv", { cookie: session.cookie });
  expect(csv.text.split("\r\n")[0]).toContain(",action,day,");
  expect(csv.text).toContain(`"update","${today}"`);
  expect(csv.text).not.toMatch(/1234|70\.5/);
});
