/**
 * What a list load may skip on the embedded database. One process owns that database (its lock
 * file keeps every other one out), so this process knows every write to it: after a list load
 * has written a user's owners, the next load that finds the same owners, with no change of this
 * app's started, settled or deleted in between, would write nothing. It is answered here,
 * without a statement. A shared PostgreSQL server is written by other instances too: there every
 * load goes to the database.
 */
import { createHash } from "node:crypto";

export type OwnerLine = { attribute: string; label: string; owner: string | null; active: boolean };

/** A digest of owners in the order Exist lists them (name, label, owner, active). */
export function ownersDigest(owners: Iterable<OwnerLine>): string {
  const hash = createHash("sha1");
  for (const line of owners) {
    hash.update(JSON.stringify([line.attribute, line.label, line.owner, line.active]));
  }
  return hash.digest("base64");
}

type Entry = { digest: string; generation: number; confirmedAt: Date };

export class OwnersMemo {
  readonly #entries = new Map<string, Entry>();
  readonly #generations = new Map<string, number>();

  /** A change of this app was started or settled, or the history deleted, for `username`. */
  noteWrite(username: string): void {
    this.#generations.set(username, this.generation(username) + 1);
  }

  generation(username: string): number {
    return this.#generations.get(username) ?? 0;
  }

  /**
   * True when the database already holds exactly these owners for `username`: the load needs no
   * statement, and `at` becomes the time they were last confirmed.
   */
  unchanged(username: string, digest: string, at: Date): boolean {
    const entry = this.#entries.get(username);
    if (!entry || entry.digest !== digest || entry.generation !== this.generation(username)) {
      return false;
    }
    entry.confirmedAt = at;
    return true;
  }

  /** When the owners now in the database were last seen equal to Exist's (undefined: unknown). */
  confirmedAt(username: string): Date | undefined {
    return this.#entries.get(username)?.confirmedAt;
  }

  /**
   * The database now holds these owners, written by a load that started at `generation`: kept
   * only if no change of this app was started or settled meanwhile.
   */
  written(username: string, digest: string, generation: number, at: Date): void {
    if (generation !== this.generation(username)) return;
    this.#entries.set(username, { digest, generation, confirmedAt: at });
  }

  /** A load that could not write everything (database unavailable, changes still in flight). */
  forget(username: string): void {
    this.#entries.delete(username);
  }
}

/** The process's memo, on globalThis so every route module of the process shares it. */
export const ownersMemo = ((
  globalThis as typeof globalThis & { __ownersMemo?: OwnersMemo }
).__ownersMemo ??= new OwnersMemo());
