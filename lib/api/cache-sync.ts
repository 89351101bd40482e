/**
 * Keeps the per-process caches of GET /api/attributes and GET /api/values coherent across the
 * instances sharing one PostgreSQL server (docs/instances.md). A change made here (acquire,
 * release, new tag, a value written) updates this process's cache from Exist's answer as before,
 * and is announced to the other instances, which drop that user's entries: their next load reads
 * Exist. While the announcements of others may be missed (the listening connection is down),
 * entries live STALE_TTL_MS at most, and every entry is dropped when it drops and when it is back.
 *
 * Started from instrumentation.ts, stopped by the shutdown before the database closes. Until it is
 * started (unit tests, `next build`) the caches are this process's alone, as with one process.
 */
import "server-only";
import { sql } from "drizzle-orm";
import { database } from "@/lib/db/database";
import {
  CHANGES_PER_MESSAGE,
  InProcessNotifier,
  newOrigin,
  PostgresNotifier,
  type CacheChange,
  type CacheKind,
  type CacheNotifier,
} from "@/lib/db/cache-notifier";
import { env } from "@/lib/env";
import { within } from "@/lib/server/time-limit";

/** How long an entry lives while other instances' changes may go unheard. */
export const STALE_TTL_MS = 5_000;
/** How long an answer waits for its announcement at most (see `changesAnnounced`). */
export const ANNOUNCE_WAIT_MS = 250;

/** What a cache offers the messages of other instances. */
export type SyncedCache = {
  /** Drops the entries of the user with this digest (lib/db/cache-notifier.ts, userDigest). */
  drop(user: string): void;
  clear(): void;
};

/** One per process (`cacheSync`); the tests make one per instance they stand in for. */
export class CacheSync {
  private notifier: CacheNotifier | undefined;
  private readonly caches = new Map<CacheKind, SyncedCache>();
  private readonly queued: CacheChange[] = [];
  private readonly sending = new Set<Promise<void>>();

  constructor(readonly origin = newOrigin()) {}

  register(kind: CacheKind, cache: SyncedCache): void {
    this.caches.set(kind, cache);
  }

  started(): boolean {
    return this.notifier !== undefined;
  }

  /** False while this instance may miss other instances' changes: entries then live briefly. */
  coherent(): boolean {
    return this.notifier?.connected() ?? true;
  }

  /**
   * Announces that `user`'s (a digest) cached answers of `kind` changed here. Changes of one
   * tick go out as one message, sent at once without holding the caller.
   */
  announce(kind: CacheKind, user: string): void {
    if (!this.notifier) return;
    if (!this.queued.some((change) => change.kind === kind && change.user === user)) {
      this.queued.push({ kind, user });
    }
    if (this.queued.length === 1) queueMicrotask(() => this.flush());
  }

  private flush(): void {
    const notifier = this.notifier;
    const changes = this.queued.splice(0);
    if (!notifier) return;
    for (let start = 0; start < changes.length; start += CHANGES_PER_MESSAGE) {
      const message = {
        origin: this.origin,
        changes: changes.slice(start, start + CHANGES_PER_MESSAGE),
      };
      // A lost announcement leaves the others' entries to their age: nothing to fail here.
      const sent = notifier.publish(message).catch(() => {});
      this.sending.add(sent);
      void sent.finally(() => this.sending.delete(sent));
    }
  }

  /**
   * Resolves once the announcements under way have reached the database, or after
   * ANNOUNCE_WAIT_MS. The API's handler awaits it before answering a change: sent after the
   * answer, the person's next request, served by another instance, could come before the
   * announcement and show the old owner. One `pg_notify` per changing request; not waited for
   * while the listener is down (the server is likely unreachable: the wait would be for nothing).
   */
  async changesAnnounced(): Promise<void> {
    // The announcements of this tick are queued, not yet sent.
    await Promise.resolve();
    if (this.sending.size === 0 || !this.coherent()) return;
    await within(Promise.allSettled([...this.sending]), ANNOUNCE_WAIT_MS);
  }

  private clearAll(): void {
    for (const cache of this.caches.values()) cache.clear();
  }

  /** Wires `notifier` to the caches: other origins' changes drop their users' entries. */
  use(notifier: CacheNotifier): void {
    this.notifier = notifier;
    notifier.onMessage((message) => {
      if (message.origin === this.origin) return;
      for (const { kind, user } of message.changes) this.caches.get(kind)?.drop(user);
    });
    // Dropped: changes may go unheard from now. Back: some may have gone unheard meanwhile.
    notifier.onConnectionChange(() => this.clearAll());
    this.clearAll();
  }

  /** The last announcements, then the notifier closes. */
  async stop(): Promise<void> {
    const notifier = this.notifier;
    if (!notifier) return;
    await this.changesAnnounced();
    this.notifier = undefined;
    await notifier.close();
  }
}

// On globalThis: instrumentation and the route handlers may load this module as separate copies.
const globalSync = globalThis as typeof globalThis & { __cacheSync?: CacheSync };
export const cacheSync = (globalSync.__cacheSync ??= new CacheSync());

/** The process's notifier: PostgreSQL's LISTEN/NOTIFY with DATABASE_URL, else in-process. */
function processNotifier(): { notifier: CacheNotifier; start?: () => Promise<void> } {
  const { databaseUrl } = env();
  if (!databaseUrl) return { notifier: new InProcessNotifier() };
  const notifier = new PostgresNotifier({
    url: databaseUrl,
    // Through the app's pool: a change is announced even while the listener reconnects.
    notify: async (channel, payload) => {
      const { db } = await database();
      await db.execute(sql`select pg_notify(${channel}, ${payload})`);
    },
  });
  return { notifier, start: () => notifier.start() };
}

/** From instrumentation.ts: resolves once listening (or its first attempt failed). */
export async function startCacheSync(): Promise<void> {
  if (cacheSync.started()) return;
  const { notifier, start } = processNotifier();
  cacheSync.use(notifier);
  await start?.();
}

/** From the shutdown, before the database closes. */
export function stopCacheSync(): Promise<void> {
  return cacheSync.stop();
}
