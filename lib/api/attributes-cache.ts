/**
 * A short-lived, per-user cache of GET /api/attributes's answer, so that reloading the
 * attributes page costs no calls against Exist's 300-requests-an-hour limit
 * (https://developer.exist.io/reference/important_values/).
 *
 * Keyed by session (a digest of its refresh token: a new sign-in or a token refresh starts
 * afresh), Exist username and granted scopes. Anything this app changes (acquire, release) drops the user's entry; a request
 * with `Cache-Control: no-cache` (the page's refetch on focus, Retry) skips and renews it, so
 * an owner changed on Exist's own page shows up when the user comes back. In memory, per
 * process; instances sharing a PostgreSQL server tell each other what they changed, and drop
 * their own entries for it (lib/api/cache-sync.ts).
 */
import "server-only";
import { createHash } from "node:crypto";
import { cacheSync, STALE_TTL_MS, type CacheSync } from "@/lib/api/cache-sync";
import type { AttributesResponse } from "@/lib/api/contract";
import { userDigest, type CacheKind } from "@/lib/db/cache-notifier";

export const ATTRIBUTES_CACHE_SECONDS = 30;
const MAX_ENTRIES = 1000;

/** `user`: the username's digest, as the other instances' messages name it. */
type Entry<T> = { value: T; storedAt: number; user: string };

/** What a cache tells the other instances about, under which name. */
export type Synced = { kind: CacheKind; sync: CacheSync };

/** Per-user answers for a while; also holds the values of GET /api/values (lib/api/values.ts). */
export class AttributesCache<T = AttributesResponse> {
  private readonly entries = new Map<string, Entry<T>>();
  /**
   * Set from `counter` by `forget` and `drop` (per user digest) and `clear` (`baseline`, for all):
   * an answer loaded before a change must not be stored after it.
   */
  private readonly generations = new Map<string, number>();
  private counter = 0;
  private baseline = 0;

  constructor(
    private readonly ttlMs = ATTRIBUTES_CACHE_SECONDS * 1000,
    private readonly now: () => number = Date.now,
    private readonly synced?: Synced,
  ) {
    synced?.sync.register(synced.kind, this);
  }

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
    // Changes made through other instances may go unheard: entries are then kept briefly.
    const ttl =
      this.synced?.sync.coherent() === false ? Math.min(this.ttlMs, STALE_TTL_MS) : this.ttlMs;
    if (this.now() - entry.storedAt >= ttl) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Read before loading; pass to `set` so a load that raced a change is not stored. */
  generation(username: string): number {
    return this.generations.get(userDigest(username)) ?? this.baseline;
  }

  set(username: string, key: string, value: T, generation: number): void {
    if (generation !== this.generation(username)) return;
    this.entries.delete(key);
    this.entries.set(key, { value, storedAt: this.now(), user: userDigest(username) });
    // Maps keep insertion order: the first key is the oldest entry.
    if (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  /**
   * Rewrites every entry of `username` in place (their age is kept), after a change made here;
   * the other instances drop theirs.
   */
  update(username: string, change: (value: T) => T): void {
    for (const [key, entry] of this.entries) {
      if (key.startsWith(`${username}\n`)) entry.value = change(entry.value);
    }
    this.announce(username);
  }

  /** Drops every entry of `username`, whatever its scopes, here and in the other instances. */
  forget(username: string): void {
    this.drop(userDigest(username));
    this.announce(username);
  }

  /** Drops every entry of the user with this digest: another instance changed them. */
  drop(user: string): void {
    this.generations.set(user, ++this.counter);
    for (const [key, entry] of this.entries) {
      if (entry.user === user) this.entries.delete(key);
    }
  }

  /** Drops every entry: changes made elsewhere may have gone unheard. */
  clear(): void {
    this.entries.clear();
    this.generations.clear();
    this.baseline = ++this.counter;
  }

  private announce(username: string): void {
    this.synced?.sync.announce(this.synced.kind, userDigest(username));
  }
}

// On globalThis so every route module of the process shares one cache.
const globalCache = globalThis as typeof globalThis & { __attributesCache?: AttributesCache };
export const attributesCache = (globalCache.__attributesCache ??= new AttributesCache(
  ATTRIBUTES_CACHE_SECONDS * 1000,
  Date.now,
  { kind: "attributes", sync: cacheSync },
));

/** True when the request asks for a fresh answer (`Cache-Control: no-cache` or `max-age=0`). */
export function wantsFresh(headers: Headers): boolean {
  const value = headers.get("cache-control")?.toLowerCase() ?? "";
  return /\bno-cache\b|\bmax-age=0\b/.test(value);
}
