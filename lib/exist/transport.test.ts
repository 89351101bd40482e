import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TransportError, nodeTransport } from "@/lib/exist/transport";

let server: http.Server;
let base: string;
const seen: Array<{ url: string; method: string; authorization?: string; body: string }> = [];

beforeAll(async () => {
  server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      seen.push({
        url: request.url ?? "",
        method: request.method ?? "",
        authorization: request.headers.authorization,
        body,
      });
      if (request.url === "/json") {
        response.writeHead(200, { "Content-Type": "application/json" });
        response.end(`\uFEFF${JSON.stringify({ echo: body })}`);
      } else if (request.url === "/redirect") {
        response.writeHead(302, { Location: "http://evil.example/steal" }).end();
      } else if (request.url === "/limited") {
        response.writeHead(429, { "Retry-After": "30" }).end("slow down");
      } else if (request.url === "/slow") {
        response.writeHead(200);
        response.write('{"partial":');
      } else {
        request.socket.destroy();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const get = (path: string, timeoutMs = 1000) =>
  nodeTransport(new URL(`${base}${path}`), {
    method: "GET",
    headers: { Authorization: "Bearer t0" },
    timeoutMs,
  });

describe("nodeTransport", () => {
  it("sends the method, headers and body, and reads a 2xx answer as UTF-8 without a BOM", async () => {
    const answer = await nodeTransport(new URL(`${base}/json`), {
      method: "POST",
      headers: { Authorization: "Bearer t0", "Content-Type": "application/json" },
      body: '[{"name":"mood"}]',
      timeoutMs: 1000,
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ echo: '[{"name":"mood"}]' });
    expect(seen.at(-1)).toMatchObject({ method: "POST", authorization: "Bearer t0" });
  });

  it("never follows a redirect: the status comes back, nothing goes to the other host", async () => {
    const before = seen.length;
    expect(await get("/redirect")).toEqual({ status: 302, retryAfter: null, body: "" });
    expect(seen.length).toBe(before + 1);
  });

  it("passes on Retry-After and reads no body of an error answer", async () => {
    expect(await get("/limited")).toEqual({ status: 429, retryAfter: "30", body: "" });
  });

  it("fails with a timeout when the answer does not finish in time", async () => {
    const error = await get("/slow", 200).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).timedOut).toBe(true);
  });

  it("fails (not a timeout) when the connection drops", async () => {
    const error = await get("/drop").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).timedOut).toBe(false);
  });
});
