/**
 * A short-lived, per-user cache of GET /api/attributes's answer, so that reloading the
 * attributes page costs no calls against Exist's 300-requests-an-hour limit
 * (https://developer.exist.io/reference/important_values/).
 *
 * Keyed by session (a digest of its refresh token: a new sign-in or a token refresh starts
 * afresh), Exist username and granted scopes. Anything this app changes (acquire, release) drops the user's entry; a request
 * with `Cache-Control: no-cache` (the page's refetch on focus, Retry) skips and renews it, so
 * an owner changed on Exist's own page shows up when the user comes back. In memory, per
 * process: each instance of the app has its own.
 */
import "server-only";
import { createHash } from "node:crypto";
import type { AttributesResponse } from "@/lib/api/contract";

export const ATTRIBUTES_CACHE_SECONDS = 30;
const MAX_ENTRIES = 1000;

type Entry<T> = { value: T; storedAt: number };

/** Per-user answers for a while; also holds the values of GET /api/values (lib/api/values.ts). */
export class AttributesCache<T = AttributesResponse> {
  private readonly entries = new Map<string, Entry<T>>();
  /** Bumped by `forget`: an answer loaded before a change must not be stored after it. */
  private readonly generations = new Map<string, number>();

  constructor(
    private readonly ttlMs = ATTRIBUTES_CACHE_SECONDS * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  static key(username: string, scopes: readonly string[], refreshToken: string): string {
    // A digest, so no token is kept as a map key.
    const session = createHash("sha256").update(refreshToken).digest("base64url");
    return `${username}\n${[...scopes].sort().join(" ")}\n${session}`;
  }

  /** A key that outlives sign-ins: for answers that depend on the user and scopes alone. */
  static userKey(username: string, scopes: readonly string[]): string {
    return `${username}\n${[...scopes].sort().join(" ")}`;
  }

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.now() - entry.storedAt >= this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Read before loading; pass to `set` so a load that raced a change is not stored. */
  generation(username: string): number {
    return this.generations.get(username) ?? 0;
  }

  set(username: string, key: string, value: T, generation: number): void {
    if (generation !== this.generation(username)) return;
    this.entries.delete(key);
    this.entries.set(key, { value, storedAt: this.now() });
    // Maps keep insertion order: the first key is the oldest entry.
    if (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  /** Rewrites every entry of `username` in place (their age is kept). */
  update(username: string, change: (value: T) => T): void {
    for (const [key, entry] of this.entries) {
      if (key.startsWith(`${username}\n`)) entry.value = change(entry.value);
    }
  }

  /** Drops every entry of `username`, whatever its scopes. */
  forget(username: string): void {
    this.generations.set(username, this.generation(username) + 1);
    for (const key of this.entries.keys()) {
      if (key.startsWith(`${username}\n`)) this.entries.delete(key);
    }
  }
}

// On globalThis so every route module of the process shares one cache.
const globalCache = globalThis as typeof globalThis & { __attributesCache?: AttributesCache };
export const attributesCache = (globalCache.__attributesCache ??= new AttributesCache());

/** True when the request asks for a fresh answer (`Cache-Control: no-cache` or `max-age=0`). */
export function wantsFresh(headers: Headers): boolean {
  const value = headers.get("cache-control")?.toLowerCase() ?? "";
  return /\bno-cache\b|\bmax-age=0\b/.test(value);
}
