/**
 * Load and races through the app against the sandbox: 50 concurrent sessions (accounts copied
 * from the seeded `heavy` one), each acquiring and releasing 20 attributes with concurrent
 * requests; and many concurrent requests of sessions whose token has expired.
 */
import { expect, httpTest as test, type Sandbox } from "../fixtures";
import type { AttributesResponse, OwnershipResponse } from "../../lib/api/contract";

import { openCookie, sealSession, type SealedSession } from "../session";
import { call, post, type Answer } from "../api/http";

const SESSIONS = 50;
const OURS = "exist_ownership";
const accountName = (index: number) => `load_${String(index + 1).padStart(2, "0")}`;
const tags = (from: number, count: number) =>
  Array.from({ length: count }, (_, index) => `tag_${String(from + index).padStart(3, "0")}`);

async function addSessions(
  sandbox: Sandbox,
  options: { expiresAt?: number } = {},
): Promise<SealedSession[]> {
  const names = Array.from({ length: SESSIONS }, (_, index) => accountName(index));
  for (const name of names) await sandbox.addAccount(name, "heavy");
  return Promise.all(names.map((name) => sealSession(name, options)));
}

test("50 sessions × 20 attributes, concurrently: no 5xx, and Exist ends with what each session last saw confirmed", async ({
  sandbox,
}) => {
  test.setTimeout(180_000);
  const sessions = await addSessions(sandbox);
  const names = tags(1, 20);
  const statuses: number[] = [];

  async function session(sealed: SealedSession) {
    /** Per attribute, the last outcome the app confirmed: true = owned by this app. */
    const confirmed = new Map<string, boolean>();
    const change = async (action: "acquire" | "release", items: string[]) => {
      const answer = await post(
        `/api/attributes/${action}`,
        items.map((name) => ({ name })),
        sealed.cookie,
      );
      statuses.push(answer.status);
      if (answer.status !== 200 && answer.status !== 202) return;
      for (const item of (answer.body as OwnershipResponse).success) {
        confirmed.set(String(item.name), action === "acquire");
      }
    };
    // All 20 in four concurrent requests of 5.
    await Promise.all(
      [0, 5, 10, 15].map((start) => change("acquire", names.slice(start, start + 5))),
    );
    // Half released again, one request each, all at once.
    await Promise.all(names.slice(0, 10).map((name) => change("release", [name])));
    // Some back and forth, concurrently on different attributes.
    await Promise.all([
      change("acquire", names.slice(0, 3)),
      change("release", names.slice(17, 20)),
      ...names.slice(10, 13).map((name) => change("release", [name])),
    ]);
    const list = await call("/api/attributes", {
      cookie: sealed.cookie,
      headers: { "Cache-Control": "no-cache" },
    });
    statuses.push(list.status);
    return { account: sealed.token.username, confirmed, list };
  }

  const results = await Promise.all(sessions.map(session));

  expect(statuses.filter((status) => status >= 500)).toEqual([]);
  expect(statuses.every((status) => status === 200)).toBe(true);
  expect(statuses).toHaveLength(SESSIONS * (4 + 10 + 5 + 1));
  for (const { account, confirmed, list } of results) {
    expect(confirmed.size, account).toBe(20);
    const expected = Object.fromEntries(names.map((name) => [name, confirmed.get(name)]));
    const state = await sandbox.state(account);
    const inSandbox = Object.fromEntries(
      names.map((name) => [name, state.find((item) => item.name === name)?.service?.name === OURS]),
    );
    expect(inSandbox, account).toEqual(expected);
    const shown = (list.body as AttributesResponse).attributes;
    const inApp = Object.fromEntries(
      names.map((name) => [name, shown.find((item) => item.name === name)?.ownedByApp]),
    );
    expect(inApp, account).toEqual(expected);
    // Seven owned at the end: 1..3 (acquired again) and 14..17.
    expect(Object.values(expected).filter(Boolean), account).toHaveLength(20 - 10 + 3 - 3 - 3);
  }
});

test("expired tokens, many concurrent requests per session: exactly one refresh per session", async ({
  sandbox,
}) => {
  test.setTimeout(120_000);
  const sessions = await addSessions(sandbox, { expiresAt: Math.floor(Date.now() / 1000) - 10 });
  await sandbox.clearRequests();

  const perSession = await Promise.all(
    sessions.map((sealed) =>
      Promise.all(
        tags(21, 10).map((name) => post("/api/attributes/acquire", [{ name }], sealed.cookie)),
      ),
    ),
  );
  const answers: Answer[] = perSession.flat();
  expect(answers.map((answer) => answer.status).filter((status) => status !== 200)).toEqual([]);

  const requests = await sandbox.requests();
  const refreshes = requests.filter(
    (request) => request.method === "POST" && request.path === "/oauth2/access_token",
  );
  expect(refreshes.map((request) => request.status)).toEqual(Array(SESSIONS).fill(200));
  // No call went out with an expired token, and none was refused.
  expect(requests.filter((request) => request.status === 401)).toEqual([]);

  // Within each session, every answer carries the same new pair.
  for (const [index, answersOfSession] of perSession.entries()) {
    const renewed = await Promise.all(
      answersOfSession.map((answer) => openCookie(answer.setCookie ?? "")),
    );
    expect(new Set(renewed.map((token) => token.accessToken)).size, accountName(index)).toBe(1);
    expect(renewed[0]?.accessToken).not.toBe(sessions[index]?.token.accessToken);
  }
});
