/**
 * The database's tables (Drizzle pg-core): one schema for the embedded PGlite and a real
 * PostgreSQL server. Migrations in drizzle/ are generated from it (`npx drizzle-kit generate`).
 * Nothing here holds a token in clear or personal data beyond the username; the only attribute
 * values are an import's (importValues): the file's while it runs, the replaced ones for undo.
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * One row per attribute per event: an owner change made through this app (`change`), one seen
 * when the app loaded the user's list (`observed`), or a write made through this app (`write`:
 * a value logged or added, a tag created; never the value itself).
 */
export const historyEntries = pgTable(
  "history_entries",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    username: text("username").notNull(),
    kind: text("kind", { enum: ["change", "observed", "write"] }).notNull(),
    /** Empty for a tag being created: Exist names it in its answer. */
    attribute: text("attribute").notNull(),
    label: text("label").notNull(),
    /**
     * change: acquire or release; observed: owner, inactive, new or removed; write: update,
     * increment or create.
     */
    action: text("action").notNull(),
    /** write of a value: the person's local day it was for. */
    day: date("day", { mode: "string" }),
    ownerBefore: text("owner_before"),
    ownerAfter: text("owner_after"),
    /** change and write: unknown until Exist's answer settles it (a change: or a list load). */
    outcome: text("outcome", { enum: ["unknown", "done", "refused", "not_done"] }),
    errorCode: text("error_code"),
    /** The items of one request (acquire, release, a write) share it. */
    requestId: text("request_id"),
    createdAt: at("created_at").notNull().defaultNow(),
    /** observed: when the previous owner was last seen. */
    seenSince: at("seen_since"),
    /** change with outcome unknown: a list load may settle it from this moment on. */
    settleAfter: at("settle_after"),
  },
  (table) => [
    index("history_user_id_idx").on(table.username, table.id),
    index("history_user_attribute_idx").on(table.username, table.attribute, table.id),
    // Pruning by age; entries arrive in time order, so a BRIN index (a summary per block of rows)
    // serves it at a fraction of a b-tree's cost on every insert.
    index("history_created_idx").using("brin", table.createdAt),
    index("history_unknown_idx")
      .on(table.username)
      .where(sql`${table.outcome} = 'unknown'`),
    check("history_kind_check", sql`${table.kind} in ('change', 'observed', 'write')`),
  ],
);

/**
 * A request of this app's on its way to Exist (a change of owner, a write): its items, from just
 * after the call leaves until Exist's answer records them as history entries, whole. A row left
 * by a crash is recorded as unknown entries by the next list load once `settle_after` has passed
 * (and the owner changes among them settled against what Exist then reports).
 */
export const historyInFlight = pgTable(
  "history_in_flight",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    username: text("username").notNull(),
    kind: text("kind", { enum: ["change", "write"] }).notNull(),
    action: text("action").notNull(),
    /** The request's items in order: `[{ name, label, day, position }]`. */
    items: jsonb("items").notNull(),
    requestId: text("request_id").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
    /** Exist must have answered (or the request died) by then. */
    settleAfter: at("settle_after").notNull(),
  },
  (table) => [index("history_in_flight_user_idx").on(table.username)],
);

/** The owners the app last saw for each of a user's attributes (null owner: none). */
export const lastSeenOwners = pgTable(
  "last_seen_owners",
  {
    username: text("username").notNull(),
    attribute: text("attribute").notNull(),
    label: text("label").notNull(),
    owner: text("owner"),
    active: boolean("active").notNull(),
  },
  (table) => [primaryKey({ columns: [table.username, table.attribute] })],
);

/** Per user: when the owners were last loaded, and which observed entries were dismissed. */
export const userStates = pgTable("user_states", {
  username: text("username").primaryKey(),
  ownersSeenAt: at("owners_seen_at"),
  /** "Since your last visit" shows observed entries with a larger id. */
  dismissedThrough: bigint("dismissed_through", { mode: "number" }).notNull().default(0),
});

/**
 * With DATABASE_URL: a refreshed token pair, encrypted with AUTH_SECRET, kept a few minutes
 * so a request in another instance carrying the old refresh token adopts it.
 */
export const refreshedTokens = pgTable("refreshed_tokens", {
  /** SHA-256 of the old refresh token: the token itself is never stored. */
  tokenHash: text("token_hash").primaryKey(),
  sealed: text("sealed").notNull(),
  createdAt: at("created_at").notNull().defaultNow(),
});

/**
 * Calls made to Exist per user and rate-limit window (windows aligned to the clock, as Exist's
 * hour is), so instances sharing the database share the count: an import takes only its share,
 * leaving the rest for the person's own use.
 */
export const existCallWindows = pgTable(
  "exist_call_windows",
  {
    username: text("username").notNull(),
    windowStart: at("window_start").notNull(),
    /** Every call counted in the window: the import's and the person's own. */
    calls: integer("calls").notNull().default(0),
    importCalls: integer("import_calls").notNull().default(0),
    /** Exist answered 429 in this window: nothing more goes out for an import until the next. */
    spent: boolean("spent").notNull().default(false),
  },
  (table) => [
    primaryKey({ columns: [table.username, table.windowStart] }),
    index("exist_call_windows_start_idx").on(table.windowStart),
  ],
);

/**
 * A file import: its preview (what the file changes in Exist, as the preview found it), where it
 * is, and, once it ends, its counts. The values themselves are in importValues.
 */
export const imports = pgTable(
  "imports",
  {
    id: text("id").primaryKey(),
    username: text("username").notNull(),
    status: text("status", {
      enum: [
        "preview",
        "running",
        "paused",
        "finished",
        "cancelled",
        "undoing",
        "undone",
        "failed",
      ],
    }).notNull(),
    fileName: text("file_name").notNull(),
    /** The preview as the route answered it (ImportPreview): counts, samples, the pace. */
    preview: jsonb("preview").notNull(),
    /** Up to 1000 invalid cells the page found (ImportInvalid), for the report. */
    invalid: jsonb("invalid").notNull(),
    invalidCount: integer("invalid_count").notNull().default(0),
    /** update/ calls made, the undo's included. */
    calls: integer("calls").notNull().default(0),
    /** While the window's share or Exist's 429 holds the writes: when the next window opens. */
    waitingUntil: at("waiting_until"),
    problemCode: text("problem_code"),
    problemMessage: text("problem_message"),
    createdAt: at("created_at").notNull().defaultNow(),
    startedAt: at("started_at"),
    endedAt: at("ended_at"),
    /** The replaced values' snapshot is deleted after this. */
    undoUntil: at("undo_until"),
  },
  (table) => [
    index("imports_user_idx").on(table.username, table.createdAt),
    index("imports_status_idx").on(table.status),
    index("imports_ended_idx").on(table.endedAt),
  ],
);

/**
 * One value of an import: a day of an attribute, the file's value and row, and its state.
 * `phase` import: the file's values; undo: the replaced values being put back. `before` is
 * Exist's value the import replaces (null: the day was empty), the snapshot undo writes back;
 * `value` is cleared when the import ends, so after it only the snapshot remains. `batch` and
 * `sending` mark the values of the update/ call in flight, so a lost answer is sent again.
 */
export const importValues = pgTable(
  "import_values",
  {
    importId: text("import_id")
      .notNull()
      .references(() => imports.id, { onDelete: "cascade" }),
    phase: text("phase", { enum: ["import", "undo"] }).notNull(),
    seq: integer("seq").notNull(),
    /** Empty for a tag still to be created (then `tagLabel` names it) until start. */
    attribute: text("attribute").notNull(),
    tagLabel: text("tag_label"),
    day: date("day", { mode: "string" }).notNull(),
    value: jsonb("value"),
    before: jsonb("before"),
    row: integer("row").notNull(),
    state: text("state", {
      enum: ["pending", "sending", "written", "refused", "unchanged", "skipped"],
    }).notNull(),
    batch: integer("batch"),
    errorCode: text("error_code"),
    error: text("error"),
  },
  (table) => [
    primaryKey({ columns: [table.importId, table.phase, table.seq] }),
    index("import_values_state_idx").on(table.importId, table.phase, table.state, table.seq),
  ],
);

/**
 * The Exist tokens an import's job writes with, sealed with TOKEN_ENCRYPTION_KEY for its user
 * (lib/auth/token-vault.ts): kept while the import is pending or running. `refreshHash` is the
 * SHA-256 of the pair's refresh token, so a refresh by the session updates it. `sessionHolds`
 * turns false when the job refreshed the pair while the person was away: their session still
 * holds the spent one, so the new pair outlives the import (`endedAt` set) until that session
 * takes it, or the import's record is deleted (lib/api/imports/import-tokens.ts).
 */
export const importTokens = pgTable("import_tokens", {
  importId: text("import_id")
    .primaryKey()
    .references(() => imports.id, { onDelete: "cascade" }),
  username: text("username").notNull(),
  sealed: text("sealed").notNull(),
  refreshHash: text("refresh_hash").notNull(),
  sessionHolds: boolean("session_holds").notNull().default(true),
  endedAt: at("ended_at"),
  updatedAt: at("updated_at").notNull().defaultNow(),
});

/**
 * Refresh tokens an import's pair has replaced (their SHA-256): a session still holding one
 * adopts the import's current pair instead of refreshing a token Exist no longer takes.
 */
export const replacedRefreshTokens = pgTable("replaced_refresh_tokens", {
  tokenHash: text("token_hash").primaryKey(),
  importId: text("import_id")
    .notNull()
    .references(() => importTokens.importId, { onDelete: "cascade" }),
});
