/**
 * Imports over HTTP against the sandbox's `auckland` account (Pacific/Auckland, far from UTC;
 * the app owns water, weight, coffees and the tag swim, with values for the last month): the
 * preview's counts equal the sandbox's state, the run writes exactly the file's values in
 * ceil(n / 35) update/ calls, a second import of the same values writes nothing, and undo puts
 * the replaced values back.
 */
import { expect, test } from "@playwright/test";
import type { ImportResponse, Value } from "../../lib/api/contract";
import { sandbox } from "../sandbox";
import { sealSession, type SealedSession } from "../session";
import { call, post } from "../api/http";
import {
  UPDATE,
  expectedCounts,
  heldValues,
  keptValues,
  lastDays,
  sandboxValues,
  until,
  wideDraft,
  type Column,
} from "./helpers";

let session: SealedSession;

test.beforeEach(async () => {
  await sandbox.reset();
  await sandbox.clearFaults();
  session = await sealSession("auckland");
});

const read = (id: string, cookie = session.cookie) =>
  call(`/api/imports/${id}`, { cookie }).then((answer) => answer.body as ImportResponse);

/** 100 days of water, weight and swim; the first 5 of the month's water values kept as they are. */
async function fileColumns(days: string[]): Promise<Column[]> {
  const token = session.tokens.access_token;
  return [
    {
      name: "water",
      label: "Water",
      valueType: 0,
      values: await keptValues(token, "water", days, 5, (index) => 1000 + index),
    },
    {
      name: "weight",
      label: "Weight",
      valueType: 1,
      values: days.map((_, index) => Math.round((70 + index / 10) * 10) / 10),
    },
    { name: "swim", label: "Swim", valueType: 7, values: days.map((_, index) => index % 2) },
  ];
}

test("a wide import previews what the sandbox holds, writes exactly the file, and undo puts back what it replaced", async () => {
  test.setTimeout(120_000);
  const days = lastDays(100);
  const columns = await fileColumns(days);
  const draft = wideDraft("history.csv", days, columns);
  // The file leaves coffees empty on yesterday, which has a value: Exist cannot empty it.
  draft.attributes.push({
    name: "coffees",
    label: "Coffees",
    valueType: 0,
    days: [],
    values: [],
    rows: [],
    emptyDays: [days.at(-1) ?? ""],
  });
  const expected = await expectedCounts(session.tokens.access_token, draft);
  expect(expected.replace).toBeGreaterThan(0);
  // The 5 water values kept, and the swim days that already say what the file says.
  expect(expected.unchanged).toBeGreaterThanOrEqual(5);
  const before = new Map<string, Map<string, Value>>();
  for (const { name } of columns) {
    before.set(name, await sandboxValues(session.tokens.access_token, name));
  }

  await sandbox.clearRequests();
  const created = await post("/api/imports", draft, session.cookie);
  expect(created.status).toBe(201);
  const preview = created.body as ImportResponse;
  expect(preview.status).toBe("preview");
  expect(preview.preview.totals).toEqual({ ...expected, invalid: 0 });
  const toWrite = expected.new + expected.replace;
  expect(preview.preview.writeCalls).toBe(Math.ceil(toWrite / 35));
  // The preview's reads, as it counted them, and nothing written.
  const reads = (await sandbox.requests()).filter((request) =>
    /\/attributes\/(with-values|values)\/$/.test(request.path),
  );
  expect(reads).toHaveLength(preview.preview.read.calls);
  expect(await sandbox.requests(UPDATE)).toEqual([]);
  const water = preview.preview.attributes.find((attribute) => attribute.name === "water");
  expect(water?.replaceSample[0]).toMatchObject({ before: expect.any(Number) });

  await sandbox.clearRequests();
  const startedAt = Date.now();
  const started = await post(`/api/imports/${preview.id}/start`, { tags: {} }, session.cookie);
  const answeredAt = Date.now();
  expect(started.status).toBe(200);
  expect((started.body as ImportResponse).status).toBe("running");
  // The first write goes out at once, not at the job engine's next poll (5 s on PGlite).
  while ((await sandbox.requests(UPDATE)).length === 0 && Date.now() - answeredAt < 10_000) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const firstWrite = Date.now() - answeredAt;
  console.info(
    `import: start answered in ${answeredAt - startedAt} ms, the first update/ call ${firstWrite} ms later`,
  );
  expect(firstWrite).toBeLessThan(1_500);
  const finished = await until(
    () => read(preview.id),
    (response) => response.status === "finished",
  );
  expect(finished.progress).toMatchObject({ total: toWrite, written: toWrite, refused: 0 });
  expect(finished.report).toMatchObject({
    written: toWrite,
    unchanged: expected.unchanged,
    replaced: expected.replace,
    newDays: expected.new,
    refusedCount: 0,
  });

  // Exist received each value once, 35 a call at most, in the fewest calls.
  const updates = await sandbox.requests(UPDATE);
  expect(updates).toHaveLength(Math.ceil(toWrite / 35));
  expect(updates.every((request) => (request.objects ?? 0) <= 35)).toBe(true);
  expect(updates.reduce((sum, request) => sum + (request.objects ?? 0), 0)).toBe(toWrite);
  expect(await heldValues(session.tokens.access_token, days, columns)).toEqual(
    columns.map((column) => column.values),
  );

  // The same file again: nothing new, nothing to replace.
  const again = await post("/api/imports", draft, session.cookie);
  expect((again.body as ImportResponse).preview.totals).toEqual({
    new: 0,
    replace: 0,
    unchanged: 300,
    cannotEmpty: expected.cannotEmpty,
    invalid: 0,
  });
  expect((again.body as ImportResponse).preview.writeCalls).toBe(0);

  // Undo: the replaced values come back; the days that were empty keep the file's values.
  await sandbox.clearRequests();
  const undo = await post(`/api/imports/${preview.id}/undo`, {}, session.cookie);
  expect(undo.status).toBe(200);
  const undone = await until(
    () => read(preview.id),
    (response) => response.status === "undone",
  );
  expect(undone.report).toMatchObject({ newDays: expected.new, replaced: 0 });
  expect(await sandbox.requests(UPDATE)).toHaveLength(Math.ceil(expected.replace / 35));
  for (const column of columns) {
    const now = await sandboxValues(session.tokens.access_token, column.name);
    const old = before.get(column.name) ?? new Map();
    expect(days.map((day) => now.get(day))).toEqual(
      days.map((day, index) => old.get(day) ?? column.values[index]),
    );
  }
});

test("start refuses attributes this app does not own, naming them; nothing is written", async () => {
  const days = lastDays(3);
  const draft = wideDraft("steps.csv", days, [
    { name: "steps", label: "Steps", valueType: 0, values: [1, 2, 3] },
  ]);
  const created = (await post("/api/imports", draft, session.cookie)).body as ImportResponse;
  expect(created.preview.attributes[0]).toMatchObject({ ownedByApp: false, name: "steps" });
  await sandbox.clearRequests();
  const started = await post(`/api/imports/${created.id}/start`, { tags: {} }, session.cookie);
  expect(started.status).toBe(409);
  expect(started.body).toMatchObject({ error: { code: "not_owned" } });
  expect((started.body as { error: { message: string } }).error.message).toContain("Steps");
  expect(await sandbox.requests(UPDATE)).toEqual([]);
  expect((await read(created.id)).status).toBe("preview");
});

test("an import is its owner's alone, changes come from the app's pages, and bad values are refused", async () => {
  const draft = wideDraft("water.csv", lastDays(2), [
    { name: "water", label: "Water", valueType: 0, values: [500, 600] },
  ]);
  const created = (await post("/api/imports", draft, session.cookie)).body as ImportResponse;
  const other = await sealSession("demo");
  expect((await call(`/api/imports/${created.id}`, { cookie: other.cookie })).status).toBe(404);
  const foreign = await post(`/api/imports/${created.id}/start`, { tags: {} }, other.cookie);
  expect(foreign.status).toBe(404);
  const noOrigin = await call(`/api/imports/${created.id}/cancel`, {
    method: "POST",
    cookie: session.cookie,
  });
  expect(noOrigin.status).toBe(403);
  // A preview is not under way: the page that made it holds it, nothing of it is written.
  expect((await call(`/api/imports/current`, { cookie: session.cookie })).status).toBe(404);
  expect((await call(`/api/imports/${created.id}`)).status).toBe(401);

  const bad = wideDraft("water.csv", lastDays(2), [
    { name: "water", label: "Water", valueType: 0, values: [500, 1.5] },
  ]);
  const refused = await post("/api/imports", bad, session.cookie);
  expect(refused.status).toBe(422);
  expect(refused.body).toEqual({
    error: {
      code: "validation_failed",
      message: "attributes[0].values[1]: Water must be a whole number (row 3)",
    },
  });
});
