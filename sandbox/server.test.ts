import { describe, expect, it } from "vitest";
import { startSandbox } from "./server";
import type { TokenResponse } from "./tokens";

describe("startSandbox", () => {
  it("listens on an ephemeral 127.0.0.1 port, answers over HTTP with links on its origin, and closes", async () => {
    const sandbox = await startSandbox({ port: 0 });
    try {
      expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const tokenResponse = await fetch(`${sandbox.url}/__sandbox/token`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ account: "demo" }),
      });
      const { access_token } = (await tokenResponse.json()) as TokenResponse;
      const page = await fetch(`${sandbox.url}/api/2/attributes/?limit=5`, {
        headers: { Authorization: `Bearer ${access_token}` },
      });
      expect(page.status).toBe(200);
      const body = (await page.json()) as { next: string };
      expect(body.next).toBe(`${sandbox.url}/api/2/attributes/?limit=5&page=2`);
    } finally {
      await sandbox.close();
    }
    await expect(fetch(`${sandbox.url}/`)).rejects.toThrow();
  });
});
