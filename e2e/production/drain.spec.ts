/**
 * A graceful stop of the production server: SIGTERM with a request in flight (Exist, the
 * sandbox, answering late). Readiness turns 503, new connections are refused once the grace is
 * over, the request still answers 200, its history lands, the process exits 0 within 15 s.
 */
import net from "node:net";
import { expect, httpTest as test } from "../fixtures";
import { historyCsv, postTo } from "../history/http";
import { signInOverHttp } from "./http-sign-in";
import { productionPort, productionSandboxUrl } from "./servers";
import { standaloneRig } from "./standalone-rig";

const STOP_BOUND_MS = 15_000;

const rig = standaloneRig("drain");

/** Whether a new TCP connection to the port is accepted (not refused). */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

test("SIGTERM: ready turns 503, the request in flight answers and is recorded, exit 0 in time", async () => {
  test.setTimeout(180_000);
  let server = await rig.start();
  const cookie = await signInOverHttp(server.url);

  // Exist takes 5 s to answer the acquire: time to send SIGTERM while it waits.
  const fault = await fetch(`${productionSandboxUrl}/__sandbox/faults`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ path: "/api/2/attributes/acquire/", delayMs: 5_000, times: 1 }),
  });
  expect(fault.status).toBe(200);
  const acquire = postTo(server.url, "/api/attributes/acquire", cookie, [{ name: "steps" }]);
  // Its in-flight row is recorded while Exist is called (shown as unknown): it waits on Exist.
  await expect
    .poll(async () => (await historyCsv(cookie, server.url)).map((entry) => entry.outcome))
    .toEqual(["unknown"]);

  const sent = Date.now();
  process.kill(server.pid, "SIGTERM");
  // The signal is handled on the server's next turn of its event loop, which a request sent at
  // once may beat: readiness is asked once the shutdown has begun (its first log line).
  await expect.poll(() => server.output(), { timeout: 2_000 }).toContain("shutdown: SIGTERM");
  const ready = await fetch(`${server.url}/api/ready`);
  expect(ready.status).toBe(503);
  expect(await ready.json()).toEqual({ status: "stopping" });
  // Once the grace is over, the listener is closed while the request still waits on Exist.
  await expect.poll(() => accepts(productionPort(0)), { timeout: 5_000 }).toBe(false);
  expect(Date.now() - sent).toBeLessThan(4_500);

  const answer = await acquire;
  expect(answer.status).toBe(200);
  expect(answer.body).toMatchObject({ success: [{ name: "steps", ownedByApp: true }], failed: [] });
  const exit = await server.exited;
  expect(exit).toMatchObject({ code: 0, signal: null });
  expect(exit.at - sent).toBeLessThan(STOP_BOUND_MS);
  test.info().annotations.push({ type: "stopped", description: `${exit.at - sent} ms` });
  console.log(`drained and stopped ${exit.at - sent} ms after SIGTERM`);

  // The outcome, written after the answer was sent, is in the data folder.
  server = await rig.start();
  expect(
    (await historyCsv(cookie, server.url)).map((entry) => [
      entry.attribute,
      entry.action,
      entry.outcome,
    ]),
  ).toEqual([["steps", "acquire", "done"]]);
});
