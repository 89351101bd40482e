import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { declinedConsentUrl } from "@/lib/auth/declined";
import { sealTestSession, UNIT_TEST_SECRET } from "@/lib/auth/test-fixtures";

const CALLBACK = "/api/auth/callback/exist?error=access_denied&state=x";

beforeEach(() => {
  vi.stubEnv("AUTH_SECRET", UNIT_TEST_SECRET);
});

async function session(error?: "RefreshFailed"): Promise<string> {
  return `next-auth.session-token=${await sealTestSession(error ? { error } : {})}`;
}

function request(cookies: string[]) {
  return new NextRequest(`http://localhost:3000${CALLBACK}`, {
    headers: { cookie: cookies.join("; ") },
  });
}

const back = (url: string) => `next-auth.callback-url=${encodeURIComponent(url)}`;

describe("declinedConsentUrl", () => {
  it("signed in: back where the person asked, marked declined, at the top of the page", async () => {
    const url = await declinedConsentUrl(
      request([await session(), back("http://localhost:3000/attributes?owner=oura#group-health")]),
    );
    expect(url.href).toBe("http://localhost:3000/attributes?owner=oura&consent=declined");
  });

  it("not signed in, signed in with dead tokens, or sent elsewhere: the landing page says so", async () => {
    const landing = "http://localhost:3000/?error=AccessDenied";
    const to = back("http://localhost:3000/access");
    expect((await declinedConsentUrl(request([to]))).href).toBe(landing);
    expect((await declinedConsentUrl(request([await session("RefreshFailed"), to]))).href).toBe(
      landing,
    );
    const away = back("https://evil.example/attributes");
    expect((await declinedConsentUrl(request([await session(), away]))).href).toBe(landing);
    expect((await declinedConsentUrl(request([await session()]))).href).toBe(landing);
  });
});
