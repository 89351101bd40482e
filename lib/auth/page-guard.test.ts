import { readdirSync } from "node:fs";
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { isSignedInPage, redirectWithoutSession, SIGNED_IN_PAGES } from "@/lib/auth/page-guard";
import { sealTestSession, UNIT_TEST_SECRET } from "@/lib/auth/test-fixtures";

const NAME = "next-auth.session-token";

beforeEach(() => {
  vi.stubEnv("AUTH_SECRET", UNIT_TEST_SECRET);
});

function request(path: string, cookie?: string) {
  return new NextRequest(`http://localhost:3000${path}`, {
    headers: cookie ? { cookie } : {},
  });
}

describe("redirectWithoutSession", () => {
  it("sends signed-in pages without a session, or with one that does not decrypt, to / with a 307", async () => {
    for (const path of ["/attributes", "/access", "/history", "/history/steps"]) {
      const answer = await redirectWithoutSession(request(path));
      expect(answer?.status).toBe(307);
      expect(answer?.headers.get("Location")).toBe("http://localhost:3000/");
    }
    const forged = await redirectWithoutSession(request("/attributes", `${NAME}=not-a-session`));
    expect(forged?.status).toBe(307);
  });

  it("lets a page through with a session, whole or in chunks", async () => {
    const value = await sealTestSession();
    expect(await redirectWithoutSession(request("/attributes", `${NAME}=${value}`))).toBeNull();
    const [head, tail] = [value.slice(0, 100), value.slice(100)];
    const chunked = `${NAME}.1=${tail}; ${NAME}.0=${head}`;
    expect(await redirectWithoutSession(request("/access", chunked))).toBeNull();
  });

  it("leaves every other path alone without reading the cookie", async () => {
    for (const path of ["/", "/api/attributes", "/icon.svg", "/attributes-old", "/accessible"]) {
      expect(isSignedInPage(path)).toBe(false);
      expect(await redirectWithoutSession(request(path))).toBeNull();
    }
  });
});

describe("SIGNED_IN_PAGES", () => {
  it("lists every page of the app/(signed-in) route group, so proxy.ts guards each one", () => {
    const folders = readdirSync(new URL("../../app/(signed-in)", import.meta.url), {
      withFileTypes: true,
    }).filter((entry) => entry.isDirectory());
    const pages = folders.map((entry) => `/${entry.name}`).sort();
    expect(pages).toEqual([...SIGNED_IN_PAGES].sort());
  });
});
