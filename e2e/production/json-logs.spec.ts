/**
 * LOG_FORMAT=json as production runs it (`start:prod`'s command, the preload included): after a
 * start, a sign-in, an acquire and a SIGTERM, every line the process wrote to stdout and stderr
 * is one JSON object with a time, a level and a message, from Next.js's start-up banner (written
 * before the app loads) to the shutdown's last line; the acquire's request line has its fields;
 * no token, cookie, code or secret is in any of it.
 */
import { SANDBOX_CLIENT } from "../../lib/sandbox-client";
import { TEST_AUTH_SECRET } from "../env";
import { expect, httpTest as test } from "../fixtures";
import { historyCsv } from "../history/http";
import { openCookie } from "../session";
import { signInOverHttp } from "./http-sign-in";
import { standaloneRig } from "./standalone-rig";

const rig = standaloneRig("json-logs");

type Entry = Record<string, unknown>;

/** Every line of `text` as a JSON object with time, level and message (the test fails if not). */
function entries(text: string, stream: string): Entry[] {
  const lines = text.split("\n");
  // Each line ends in a newline: nothing is left after the last one.
  expect(lines.pop(), `the end of ${stream}`).toBe("");
  return lines.map((line) => {
    let entry: unknown;
    expect(() => (entry = JSON.parse(line)), `${stream}: ${line}`).not.toThrow();
    expect(entry, `${stream}: ${line}`).toMatchObject({
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      level: expect.stringMatching(/^(debug|info|warn|error)$/),
      msg: expect.any(String),
    });
    return entry as Entry;
  });
}

test("every line of the production process is one JSON object, with no secret", async () => {
  test.setTimeout(180_000);
  const server = await rig.start({ LOG_FORMAT: "json" });
  const cookie = await signInOverHttp(server.url);
  const session = await openCookie(cookie);
  const acquired = await fetch(`${server.url}/api/attributes/acquire`, {
    method: "POST",
    headers: { Cookie: cookie, Origin: server.url, "Content-Type": "application/json" },
    body: JSON.stringify([{ name: "steps" }]),
  });
  expect(acquired.status).toBe(200);
  const requestId = acquired.headers.get("x-request-id");
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  await expect
    .poll(async () => (await historyCsv(cookie, server.url)).map((entry) => entry.outcome))
    .toEqual(["done"]);
  expect((await server.stop("SIGTERM")).code).toBe(0);

  const out = entries(server.stdout(), "stdout");
  const err = entries(server.stderr(), "stderr");
  const all = [...out, ...err];
  const messages = all.map((entry) => String(entry.msg));
  // Next.js's banner, printed before instrumentation.ts runs: JSON too.
  expect(messages).toContainEqual(expect.stringMatching(/^▲ Next\.js \d+/));
  expect(messages).toContainEqual(expect.stringMatching(/^✓ Ready in /));
  expect(out.find((entry) => entry.requestId === requestId)).toEqual({
    time: expect.any(String),
    level: "info",
    msg: "api POST /api/attributes/acquire 200",
    kind: "api",
    requestId,
    method: "POST",
    route: "/api/attributes/acquire",
    status: 200,
    durationMs: expect.any(Number),
    existCalls: expect.any(Number),
    existMs: expect.any(Number),
  });
  expect(out.find((entry) => entry.requestId === requestId)?.existCalls).toBeGreaterThan(0);
  expect(messages).toContainEqual(expect.stringMatching(/^shutdown: done in \d+ ms$/));
  // stderr holds warnings and errors only.
  for (const entry of err) expect(entry.level, String(entry.msg)).toMatch(/^(warn|error)$/);

  const secrets: Record<string, string> = {
    "client secret": SANDBOX_CLIENT.secret,
    AUTH_SECRET: TEST_AUTH_SECRET,
    "access token": session.accessToken,
    "refresh token": session.refreshToken,
    "cookie value": cookie.split("=").slice(1).join("="),
  };
  const output = server.output();
  for (const [what, secret] of Object.entries(secrets)) {
    expect(secret.length, what).toBeGreaterThan(8);
    expect(output.includes(secret.slice(0, 16)), `${what} in the log`).toBe(false);
  }
  expect(output).not.toMatch(/[?&](code|state)=/);
});
