/**
 * GET /api/values: the last 14 days of every active attribute, apart from the list, cached per
 * user; `Cache-Control: no-cache` asks Exist again.
 */
import { expect, httpTest as test, type Sandbox } from "../fixtures";
import type { ValuesResponse } from "../../lib/api/contract";

import { sealSession } from "../session";
import { call } from "./http";

const existCalls = async (sandbox: Sandbox) =>
  (await sandbox.requests()).filter((request) => request.path.startsWith("/api/2/"));

test("without a session: 401 in the envelope, nothing sent to Exist", async ({ sandbox }) => {
  await sandbox.clearRequests();
  const answer = await call("/api/values");
  expect(answer.status).toBe(401);
  expect(answer.body).toEqual({
    error: { code: "unauthenticated", message: expect.any(String) },
  });
  expect(await existCalls(sandbox)).toEqual([]);
});

test("14 days of values, the time zone and units; a repeat costs no call; no-cache asks again", async ({
  sandbox,
}) => {
  const { cookie } = await sealSession("imperial");
  await sandbox.clearRequests();
  const first = await call("/api/values", { cookie });
  expect(first.status).toBe(200);
  const body = first.body as ValuesResponse;
  expect(body.timezone).toBe("America/Chicago");
  expect(body.units).toEqual({
    distance: true,
    weight: true,
    energy: true,
    liquid: true,
    temperature: true,
  });
  expect(body.days).toHaveLength(14);
  // The docs' shape (every day, null where empty) reads as days without data.
  const water = body.values.water;
  expect(water?.series.slice(-6)).toEqual([null, null, null, null, null, null]);
  expect(water?.latest?.date).toBe(body.days.at(-7));
  expect((await existCalls(sandbox)).map((request) => request.path).sort()).toEqual([
    "/api/2/accounts/profile/",
    "/api/2/attributes/with-values/",
  ]);
  expect((await existCalls(sandbox))[0]?.query ?? "").toMatch(/days=14/);

  await sandbox.clearRequests();
  expect((await call("/api/values", { cookie })).body).toEqual(body);
  expect(await existCalls(sandbox)).toEqual([]);

  await call("/api/values", { cookie, headers: { "Cache-Control": "no-cache" } });
  expect((await existCalls(sandbox)).length).toBe(2);
});

test("a value written with update/ shows after a fresh request", async ({ sandbox }) => {
  const { cookie, tokens } = await sealSession("imperial");
  const today = ((await call("/api/values", { cookie })).body as ValuesResponse).days.at(-1);
  const written = await fetch(`${sandbox.url}/api/2/attributes/update/`, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${tokens.access_token}`,
      "Content-Type": "application/json",
    },
    body: JSON.stringify([{ name: "water", date: today, value: 1234 }]),
  });
  expect(written.status).toBe(200);
  const fresh = await call("/api/values", { cookie, headers: { "Cache-Control": "no-cache" } });
  expect((fresh.body as ValuesResponse).values.water?.latest).toEqual({ date: today, value: 1234 });
});
