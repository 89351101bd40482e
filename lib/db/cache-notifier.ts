/**
 * Tells the other instances of the app that a user's cached answers changed here, so that they
 * drop theirs and the next load served by any of them reads Exist (docs/instances.md).
 *
 * Two implementations behind one interface: with the embedded database there is one process, so
 * the messages stay in it; with DATABASE_URL, `NOTIFY exist_cache` goes through PostgreSQL and
 * every instance `LISTEN`s on a dedicated connection of its own (not one of the pool's, which are
 * handed to queries in turn). A message names the kind of cache and a digest of the username, and
 * the instance it came from: never a token, a value or the username itself.
 */
import { createHash, randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import { z } from "zod";
import type { Client } from "pg";
import { logger } from "@/lib/server/logger";

export const CACHE_CHANNEL = "exist_cache";

export type CacheKind = "attributes" | "values";
export type CacheChange = { kind: CacheKind; user: string };
export type CacheMessage = { origin: string; changes: CacheChange[] };

/** A digest of the username: enough to find the user's entries, not to tell who it is. */
export function userDigest(username: string): string {
  return createHash("sha256").update(username).digest("base64url").slice(0, 22);
}

const messageSchema = z.object({
  origin: z.string().max(64),
  changes: z
    .array(z.object({ kind: z.enum(["attributes", "values"]), user: z.string().max(64) }))
    .max(200),
});

/**
 * PostgreSQL refuses payloads of 8000 bytes or more; a change takes about 50 bytes, so 100 a
 * message keeps well under it.
 */
export const CHANGES_PER_MESSAGE = 100;

export function parseMessage(payload: string): CacheMessage | undefined {
  try {
    const parsed = messageSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export interface CacheNotifier {
  /** Sends `message` to every instance (this one included: handlers skip their own origin). */
  publish(message: CacheMessage): Promise<void>;
  onMessage(handler: (message: CacheMessage) => void): void;
  /**
   * Called when messages may have been missed (the connection dropped) and when they flow again:
   * either way, what the caches hold may be out of date.
   */
  onConnectionChange(handler: (connected: boolean) => void): void;
  /** False while messages from other instances may be missed. */
  connected(): boolean;
  close(): Promise<void>;
}

/** One process (the embedded database): the messages never leave it. */
export class InProcessNotifier implements CacheNotifier {
  private readonly events = new EventEmitter();

  async publish(message: CacheMessage): Promise<void> {
    this.events.emit("message", message);
  }
  onMessage(handler: (message: CacheMessage) => void): void {
    this.events.on("message", handler);
  }
  onConnectionChange(): void {}
  connected(): boolean {
    return true;
  }
  async close(): Promise<void> {
    this.events.removeAllListeners();
  }
}

export type PostgresNotifierOptions = {
  url: string;
  /**
   * Sends one NOTIFY; the app's pool does it (lib/api/cache-sync.ts), so a change is announced
   * even while this notifier's own connection is being reopened.
   */
  notify: (channel: string, payload: string) => Promise<void>;
  /** First wait before reconnecting; doubled after each failure up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** A query on the listening connection this often, so a connection that died silently shows. */
  pingMs?: number;
  /** The connection's `application_name`, as pg_stat_activity shows it. */
  name?: string;
  log?: (line: string) => void;
};

/** LISTEN on a dedicated connection, reopened with backoff whenever it drops. */
export class PostgresNotifier implements CacheNotifier {
  private client: Client | undefined;
  private isConnected = false;
  private closed = false;
  private attempt = 0;
  private retry: NodeJS.Timeout | undefined;
  private ping: NodeJS.Timeout | undefined;
  private connecting: Promise<void> | undefined;
  private readonly events = new EventEmitter();
  private readonly backoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly pingMs: number;
  private readonly log: (line: string) => void;

  constructor(private readonly options: PostgresNotifierOptions) {
    this.backoffMs = options.backoffMs ?? 500;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.pingMs = options.pingMs ?? 30_000;
    this.log = options.log ?? ((line) => logger.warn(line));
  }

  /** Opens the listening connection; resolves once it listens or its first attempt failed. */
  start(): Promise<void> {
    return (this.connecting ??= this.connect());
  }

  async publish(message: CacheMessage): Promise<void> {
    await this.options.notify(CACHE_CHANNEL, JSON.stringify(message));
  }
  onMessage(handler: (message: CacheMessage) => void): void {
    this.events.on("message", handler);
  }
  onConnectionChange(handler: (connected: boolean) => void): void {
    this.events.on("connection", handler);
  }
  connected(): boolean {
    return this.isConnected;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    clearInterval(this.ping);
    await this.connecting?.catch(() => {});
    const client = this.client;
    this.client = undefined;
    this.isConnected = false;
    await client?.end().catch(() => {});
    this.events.removeAllListeners();
  }

  private async connect(): Promise<void> {
    const { Client } = await import("pg");
    const client = new Client({
      connectionString: this.options.url,
      connectionTimeoutMillis: 5_000,
      keepAlive: true,
      application_name: this.options.name ?? "exist-ownership cache listener",
    });
    // Both fire when the server ends the connection; `lost` runs once per connection.
    let lost = false;
    const onLost = (reason: string) => {
      if (lost || this.client !== client) return;
      lost = true;
      this.dropped(client, reason);
    };
    client.on("error", (error) => onLost(error.message));
    client.on("end", () => onLost("connection closed"));
    client.on("notification", ({ channel, payload }) => {
      if (channel !== CACHE_CHANNEL || payload === undefined) return;
      const message = parseMessage(payload);
      if (message) this.events.emit("message", message);
    });
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${CACHE_CHANNEL}`);
    } catch (error) {
      onLost((error as Error).message);
      return;
    } finally {
      this.connecting = undefined;
    }
    if (this.closed || lost) return;
    if (this.attempt > 0) this.log("cache listener: listening again; cached answers dropped");
    this.attempt = 0;
    this.isConnected = true;
    this.events.emit("connection", true);
    this.ping = setInterval(() => {
      client.query("select 1").catch((error: Error) => onLost(error.message));
    }, this.pingMs);
    this.ping.unref();
  }

  private dropped(client: Client, reason: string): void {
    const wasConnected = this.isConnected;
    this.isConnected = false;
    this.client = undefined;
    clearInterval(this.ping);
    void client.end().catch(() => {});
    if (this.closed) return;
    if (wasConnected) {
      this.log(
        `cache listener: lost (${reason}); other instances' changes are not heard, so cached ` +
          "answers are dropped and kept a few seconds at most until it is back",
      );
      this.events.emit("connection", false);
    } else if (this.attempt === 0) {
      this.log(`cache listener: cannot listen (${reason}); retrying`);
    }
    const wait = Math.min(this.maxBackoffMs, this.backoffMs * 2 ** this.attempt);
    this.attempt++;
    this.retry = setTimeout(() => void this.start(), wait);
    this.retry.unref();
  }
}

/** This process's name in the messages, so it skips its own. */
export function newOrigin(): string {
  return randomUUID();
}
