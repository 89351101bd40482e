import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, securityHeaders } from "@/lib/security/headers";

const base = { nonce: "abc123==", existOrigin: "http://127.0.0.1:4110", https: false, dev: false };

function directives(csp: string): Map<string, string> {
  return new Map(
    csp.split(";").map((part) => {
      const [name = "", ...values] = part.trim().split(/\s+/);
      return [name, values.join(" ")];
    }),
  );
}

describe("contentSecurityPolicy", () => {
  it("allows only nonced scripts (strict-dynamic), never inline or eval ones in production", () => {
    const csp = directives(contentSecurityPolicy(base));
    expect(csp.get("script-src")).toBe("'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(csp.get("default-src")).toBe("'self'");
    expect(csp.get("connect-src")).toBe("'self'");
    expect(csp.get("img-src")).toBe("'self' data: blob: http://127.0.0.1:4110");
    expect(csp.get("object-src")).toBe("'none'");
    expect(csp.get("base-uri")).toBe("'self'");
    expect(csp.get("form-action")).toBe("'self'");
    expect(csp.get("frame-ancestors")).toBe("'none'");
    expect(csp.get("style-src")).toBe("'self' 'unsafe-inline'");
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
  });

  it("adds unsafe-eval for next dev only, and upgrade-insecure-requests over https", () => {
    expect(directives(contentSecurityPolicy({ ...base, dev: true })).get("script-src")).toBe(
      "'self' 'nonce-abc123==' 'strict-dynamic' 'unsafe-eval'",
    );
    const https = contentSecurityPolicy({ ...base, https: true, existOrigin: "https://exist.io" });
    expect(directives(https).has("upgrade-insecure-requests")).toBe(true);
    expect(directives(https).get("img-src")).toBe("'self' data: blob: https://exist.io");
  });
});

describe("securityHeaders", () => {
  it("sets HSTS only when the app is served over https", () => {
    expect(securityHeaders(base)).not.toHaveProperty("Strict-Transport-Security");
    expect(securityHeaders({ ...base, https: true })).toMatchObject({
      "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
    });
  });

  it("sets nosniff, a referrer policy, a permissions policy and no framing", () => {
    expect(securityHeaders(base)).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
      "X-Frame-Options": "DENY",
    });
  });
});

describe("createNonce", () => {
  it("is 128 random bits in base64, new each time (across refills of its random pool)", () => {
    const nonces = new Set(Array.from({ length: 600 }, createNonce));
    expect(nonces.size).toBe(600);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
