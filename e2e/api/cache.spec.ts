/**
 * The per-session cache of GET /api/attributes (lib/api/attributes-cache.ts): a repeat load makes
 * no call to Exist; a change through the app, a fresh request or a new session does.
 */
import { expect, httpTest as test, type Sandbox } from "../fixtures";
import type { AttributesResponse } from "../../lib/api/contract";

import { sealSession } from "../session";
import { call, post } from "./http";

const listCalls = async (sandbox: Sandbox) =>
  (await sandbox.requests()).filter((request) => request.path.startsWith("/api/2/attributes/"));

const ownedByApp = (answer: { body: unknown }, name: string) =>
  (answer.body as AttributesResponse).attributes.find((item) => item.name === name)?.ownedByApp;

test("a repeat load within the window makes no call to Exist and answers the same", async ({
  sandbox,
}) => {
  const { cookie } = await sealSession("demo");
  await sandbox.clearRequests();
  const first = await call("/api/attributes", { cookie });
  expect(first.status).toBe(200);
  expect((await listCalls(sandbox)).map((request) => request.path).sort()).toEqual([
    "/api/2/attributes/",
    "/api/2/attributes/owned/",
  ]);

  await sandbox.clearRequests();
  const repeat = await call("/api/attributes", { cookie });
  expect(repeat.status).toBe(200);
  expect(await listCalls(sandbox)).toEqual([]);
  expect(repeat.body).toEqual(first.body);
});

test("Cache-Control: no-cache asks Exist again and sees a change made elsewhere", async ({
  sandbox,
}) => {
  const { cookie } = await sealSession("demo");
  expect(ownedByApp(await call("/api/attributes", { cookie }), "steps")).toBe(false);
  await sandbox.setOwner("demo", "steps", "exist_ownership");

  expect(ownedByApp(await call("/api/attributes", { cookie }), "steps")).toBe(false);
  await sandbox.clearRequests();
  const fresh = await call("/api/attributes", { cookie, headers: { "Cache-Control": "no-cache" } });
  expect((await listCalls(sandbox)).length).toBe(2);
  expect(ownedByApp(fresh, "steps")).toBe(true);
});

test("acquiring or releasing through the app updates the cached answer from Exist's reply", async ({
  sandbox,
}) => {
  const { cookie } = await sealSession("demo");
  expect(ownedByApp(await call("/api/attributes", { cookie }), "steps")).toBe(false);

  expect((await post("/api/attributes/acquire", [{ name: "steps" }], cookie)).status).toBe(200);
  await sandbox.clearRequests();
  expect(ownedByApp(await call("/api/attributes", { cookie }), "steps")).toBe(true);
  // success_objects=true: Exist sent the changed attribute back, so no list call was needed.
  expect(await listCalls(sandbox)).toEqual([]);

  expect((await post("/api/attributes/release", [{ name: "steps" }], cookie)).status).toBe(200);
  const released = await call("/api/attributes", { cookie });
  expect(ownedByApp(released, "steps")).toBe(false);
  const steps = (released.body as AttributesResponse).attributes.find((a) => a.name === "steps");
  expect(steps?.service?.label).toBe("Google Fit");
  expect(await listCalls(sandbox)).toEqual([
    expect.objectContaining({ path: "/api/2/attributes/release/" }),
  ]);
});

test("a change Exist refused in part drops the cached answer", async ({ sandbox }) => {
  const { cookie } = await sealSession("demo");
  await call("/api/attributes", { cookie });
  const answer = await post("/api/attributes/release", [{ name: "steps" }], cookie);
  expect(answer.status).toBe(202);
  await sandbox.clearRequests();
  await call("/api/attributes", { cookie });
  expect((await listCalls(sandbox)).length).toBe(2);
});

test("GET /api/templates takes the user's attributes from the cached list", async ({ sandbox }) => {
  const { cookie } = await sealSession("demo");
  await call("/api/attributes", { cookie });
  await sandbox.clearRequests();
  const templates = await call("/api/templates", { cookie });
  expect(templates.status).toBe(200);
  expect((await listCalls(sandbox)).map((request) => request.path)).toEqual([
    "/api/2/attributes/templates/",
  ]);
});

test("a failed acquire drops the cached answer too", async ({ sandbox }) => {
  const { cookie } = await sealSession("demo");
  await call("/api/attributes", { cookie });
  await sandbox.fault({ path: "/api/2/attributes/acquire/", status: 500 });
  expect((await post("/api/attributes/acquire", [{ name: "steps" }], cookie)).status).toBe(502);
  await sandbox.clearRequests();
  await call("/api/attributes", { cookie });
  expect((await listCalls(sandbox)).length).toBe(2);
});

test("another session of the same account does not see the first one's cache", async ({
  sandbox,
}) => {
  const first = await sealSession("demo");
  await call("/api/attributes", { cookie: first.cookie });
  await sandbox.setOwner("demo", "steps", "exist_ownership");
  const second = await sealSession("demo");
  await sandbox.clearRequests();
  expect(ownedByApp(await call("/api/attributes", { cookie: second.cookie }), "steps")).toBe(true);
  expect((await listCalls(sandbox)).length).toBe(2);
});
