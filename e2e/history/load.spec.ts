/**
 * Load: 50 sessions × 20 toggles at once. The history holds exactly one settled entry (done or
 * refused) per item Exist confirmed or refused, and none is left unknown.
 */
import { expect, httpTest as test } from "../fixtures";
import { sealSession } from "../session";
import { DEMO_ATTRIBUTES as NAMES, historyCsv, postTo } from "./http";
import { APP_URL } from "../env";

const SESSIONS = 50;
const TOGGLES = 20;

type Result = {
  success: Array<{ name?: string }>;
  failed: Array<{ name?: string; error_code: string }>;
};

test("50 sessions × 20 toggles: one settled entry per item Exist answered", async ({
  ownAccount: account,
}) => {
  test.setTimeout(300_000);
  const sessions = await Promise.all(Array.from({ length: SESSIONS }, () => sealSession(account)));

  let answered = 0;
  const statuses = new Map<number, number>();
  await Promise.all(
    sessions.map(async ({ cookie }, session) => {
      for (let toggle = 0; toggle < TOGGLES; toggle++) {
        const name = NAMES[(session + toggle) % NAMES.length] ?? "steps";
        const action = (session + toggle) % 2 ? "release" : "acquire";
        const answer = await postTo(APP_URL, `/api/attributes/${action}`, cookie, [{ name }]);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        const result = answer.body as Result;
        if (answer.status === 200 || answer.status === 202) {
          answered += result.success.length + result.failed.length;
        }
      }
    }),
  );
  expect([...statuses.keys()].every((status) => status === 200 || status === 202)).toBe(true);
  expect(answered).toBe(SESSIONS * TOGGLES);

  const entries = await historyCsv(sessions[0]?.cookie ?? "");
  const changes = entries.filter((entry) => entry.kind === "change");
  expect(changes).toHaveLength(SESSIONS * TOGGLES);
  expect(changes.filter((e) => e.outcome !== "done" && e.outcome !== "refused")).toEqual([]);
  // One entry per request (each toggle is one item): no request recorded twice.
  expect(new Set(changes.map((entry) => entry.request_id)).size).toBe(SESSIONS * TOGGLES);
});
