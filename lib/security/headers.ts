/**
 * The security headers every page and API answer carries, set by proxy.ts. Pure (but for the
 * nonce), so the HTTPS variant (HSTS, upgrade-insecure-requests) is unit-tested without serving
 * HTTPS.
 */
import { randomFillSync } from "node:crypto";

export type SecurityHeaderOptions = {
  /** A fresh random value per request: scripts Next.js renders carry it. */
  nonce: string;
  /** EXIST_BASE_URL's origin: avatars are images on Exist's host. */
  existOrigin: string;
  /** APP_URL is https: HSTS and upgrade-insecure-requests. */
  https: boolean;
  /** `next dev`: React needs eval for its debugging stacks (never in production). */
  dev: boolean;
};

const NONCE_BYTES = 16;
// Random bytes for 256 nonces at a time: one call into the system's CSPRNG instead of one per
// request (Node keeps random bytes for randomUUID() the same way). Each byte is used once.
const pool = Buffer.alloc(NONCE_BYTES * 256);
let used = pool.length;

/** A nonce for one request: 128 random bits, base64. */
export function createNonce(): string {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  used += NONCE_BYTES;
  return pool.toString("base64", used - NONCE_BYTES, used);
}

export function contentSecurityPolicy(options: SecurityHeaderOptions): string {
  const { nonce, existOrigin, https, dev } = options;
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic': scripts the nonced framework scripts load are trusted; nothing inline.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // 'unsafe-inline' for styles only: Radix sets `style` attributes (dialog positioning, the
    // switch thumb), which no nonce can cover; with a nonce in the list, browsers would ignore
    // 'unsafe-inline'. Styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${existOrigin}`,
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    // Sign-in and sign-out post with fetch and then navigate; no form goes to another origin.
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    // For browsers that predate frame-ancestors.
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    // Only over HTTPS: on http the header is ignored, and localhost must stay reachable.
    ...(options.https
      ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" }
      : {}),
  };
}
