/**
 * The JSON our own route handlers answer with: the contract between app/api/ and the page.
 * Plain types: components use these, never Exist's wire schemas (lib/exist/schemas.ts), and
 * nothing here pulls zod into the browser.
 */

export type Group = { name: string; label: string; priority: number };
export type Service = { name: string; label: string };

/** One of the user's attributes, as Exist lists it, plus whether this app owns it. */
export type Attribute = {
  template: string | null;
  name: string;
  label: string;
  group: Group;
  service: Service | null;
  active: boolean;
  priority: number;
  manual: boolean;
  value_type: number;
  value_type_description: string;
  available_services: Service[];
  ownedByApp: boolean;
};

export type Template = Omit<
  Attribute,
  "template" | "service" | "active" | "manual" | "available_services" | "ownedByApp"
>;

/** GET /api/attributes */
export type AttributesResponse = {
  /** Every attribute of the user, in Exist's order (group priority, then attribute priority). */
  attributes: Attribute[];
  /** Groups the granted scopes let this app write (acquire needs `<group>_write`). */
  writableGroups: string[];
  /** `manual_write` granted: manual attributes may be acquired in any group with `manual: true`. */
  manualWrite: boolean;
  /** Exist's own attributes page (`<EXIST_BASE_URL>/account/attributes/`), where owners change. */
  existAttributesUrl: string;
};

/** GET /api/templates */
export type TemplatesResponse = { templates: Template[] };

/** A value as Exist stores it: numbers for most value types, strings for type 2. */
export type Value = number | string;

/** The profile's `imperial_*` flags (https://developer.exist.io/reference/users/). */
export type Units = {
  distance: boolean;
  weight: boolean;
  energy: boolean;
  liquid: boolean;
  temperature: boolean;
};

/** One attribute's recent values: the latest one, and one entry per day of `days` (null = none). */
export type AttributeValues = {
  latest: { date: string; value: Value } | null;
  series: Array<Value | null>;
};

/** GET /api/values: the last 14 days of every active attribute, apart from the owner list. */
export type ValuesResponse = {
  /** The user's time zone (IANA), for "today" and "3 days ago". */
  timezone: string;
  units: Units;
  /** The days of each `series`, oldest first (yyyy-mm-dd, local to the user). */
  days: string[];
  /** By attribute name; attributes without any value in `days` have `latest: null`. */
  values: Record<string, AttributeValues>;
  /** When the server asked Exist (ISO), so the page can say how old the values are. */
  fetchedAt: string;
};

/** An object of an acquire or release body: an attribute by name, or a template (acquire). */
export type OwnershipItem =
  | { name: string; manual?: boolean | undefined }
  | { template: string; manual?: boolean | undefined };

/** An item Exist refused: the object sent, with Exist's own `error_code` and message. */
export type RefusedItem = { error_code: string; error: string } & Record<string, unknown>;

/** Items never sent to Exist: a call before theirs failed (Exist takes 35 objects a call). */
export type UntriedItems = {
  items: OwnershipItem[];
  /** Why, as the envelope of a request failing with that error would say. */
  code: ErrorCode;
  message: string;
};

/**
 * POST /api/attributes/acquire and /release: 200, or 202 when anything was not done. `success`
 * and `failed` are Exist's own lists, merged over its calls; with `success_objects=true` the
 * success items are the changed attributes, with `ownedByApp`. `untried` is there only when a
 * call after the first failed.
 */
export type OwnershipResponse = {
  success: Array<Record<string, unknown>>;
  failed: RefusedItem[];
  untried?: UntriedItems;
};

/** How a value is written: `update` replaces the day's value (Save), `increment` adds to it. */
export type WriteMode = "update" | "increment";

/**
 * One value to write, as Exist stores it: metric units, whole minutes, fractions from 0 to 1,
 * 1/0 for yes/no (the page converts what the person entered). `date` is the person's local day.
 */
export type ValueItem = { name: string; date: string; value: Value };

/**
 * POST /api/values/update and POST /api/values/increment: the body is a JSON array of 1 to 1000
 * ValueItems (each attribute and day at most once); sent to Exist 35 a call.
 */
export type WriteValuesBody = ValueItem[];

/** A value Exist took. */
export type WrittenValue = {
  name: string;
  date: string;
  /**
   * The day's value as Exist now stores it: the value saved, or the new total (Exist's
   * `current`). Null only if Exist's answer to an increment left `current` out: read it back.
   */
  value: Value | null;
  /** increment only: the amount added. */
  added?: number;
};

/** A value Exist refused: the item sent, with Exist's own `error_code` and `error`. */
export type RefusedValue = ValueItem & {
  error_code: string;
  error: string;
  /**
   * Only when Exist said the attribute does not belong to this app (`unauthorised`): its owner
   * now, looked up at Exist (null: no owner). Absent when the refusal was for a missing scope.
   */
  owner?: Service | null;
};

/** Values whose fate the answer does not settle, and why (as an error envelope would say). */
export type ValuesNotDone = { items: ValueItem[]; code: ErrorCode; message: string };

/**
 * The answer of both write routes: 200 when every value was written, 202 otherwise. `unknown`:
 * sent, but Exist's answer was lost (`outcome_unknown`): read the day back before writing again,
 * an increment sent twice adds twice. `untried`: never sent, a call before theirs failed.
 * When the first call fails, the route answers that error instead (`outcome_unknown` included).
 */
export type WriteValuesResponse = {
  success: WrittenValue[];
  failed: RefusedValue[];
  unknown?: ValuesNotDone;
  untried?: ValuesNotDone;
};

/** GET /api/values/day?attribute=<name>&date=YYYY-MM-DD: the day's value as Exist has it now. */
export type DayValueResponse = { name: string; date: string; value: Value | null };

/** One daily tag to create: a yes/no attribute in the `custom` group, owned by this app. */
export type NewTag = { label: string };

/** Tags whose fate the answer does not settle (as for values). */
export type TagsNotDone = { items: NewTag[]; code: ErrorCode; message: string };

/**
 * POST /api/attributes/create: the body is a JSON array of 1 to 1000 NewTags (labels distinct).
 * `success` holds the new attributes as the list has them, `name` as Exist made it from the
 * label (read it here, never derive it); 200 or 202 as for values, `failed` with Exist's codes
 * (`exists` for a name the person has).
 */
export type CreateTagsResponse = {
  success: Attribute[];
  failed: Array<NewTag & { error_code: string; error: string }>;
  unknown?: TagsNotDone;
  untried?: TagsNotDone;
};

export const ERROR_CODES = [
  "unauthenticated",
  "reauth_required",
  "forbidden_origin",
  "unsupported_media_type",
  "payload_too_large",
  "invalid_json",
  "validation_failed",
  "method_not_allowed",
  "rate_limited",
  "upstream_error",
  "upstream_timeout",
  "outcome_unknown",
  "not_found",
  "internal_error",
  "history_unavailable",
  "not_owned",
  "conflict",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Every error any route handler returns. */
export type ErrorEnvelope = { error: { code: ErrorCode; message: string } };

/** How the history names this app as an owner, in `ownerBefore` and `ownerAfter`. */
export const APP_OWNER = "this app";

/**
 * One entry of the user's history: a change of owner made here, one seen elsewhere, or a write
 * made here (never the value written).
 */
export type HistoryEntry = {
  /** Negative for an item of a request still waiting for Exist's answer (no entry yet). */
  id: number;
  /**
   * `change`: an owner change made through this app; `observed`: seen when the app loaded the
   * user's list; `write`: a value logged or added, or a tag created, through this app.
   */
  kind: "change" | "observed" | "write";
  /** Empty for a tag whose creation Exist never confirmed: Exist names a new tag. */
  attribute: string;
  label: string;
  /**
   * change: acquire or release; observed: owner, inactive, new or removed; write: update (a
   * value logged), increment (added to the day's total) or create (a new tag).
   */
  action: string;
  /** write of a value: the day it was for (YYYY-MM-DD, the person's local date); else null. */
  day: string | null;
  ownerBefore: string | null;
  ownerAfter: string | null;
  /**
   * change and write: unknown until Exist's answer (for a change, or the next list load) settles
   * it; a write whose answer was lost stays unknown.
   */
  outcome: "unknown" | "done" | "refused" | "not_done" | null;
  /** Exist's error code, for a refused change or write. */
  errorCode: string | null;
  /** The items of one request (acquire, release, a write) share it. */
  requestId: string | null;
  /** observed: when the previous owner was last seen (ISO). */
  seenSince: string | null;
  /** When the app recorded it (ISO). */
  createdAt: string;
};

/** GET /api/history: one page of the user's history, newest first. */
export type HistoryResponse = {
  entries: HistoryEntry[];
  /** The `before` of the next (older) page, when there is one. */
  olderBefore?: number;
  /** Every attribute the user's history mentions, for the filter. */
  attributes: Array<{ attribute: string; label: string }>;
};

/** GET /api/health (liveness): answers while the process can answer at all. No session. */
export type HealthResponse = { status: "ok" };

/**
 * GET /api/ready (readiness): 200 `ready` while the process takes requests, whatever the
 * database's state (the app works without it: it records no history meanwhile); 503 `stopping`
 * from the moment a shutdown begins. No session.
 */
export type ReadyResponse =
  | {
      status: "ready";
      database: {
        kind: "embedded" | "server";
        /** From a `select 1` that answered (up) or failed or took over a second (down). */
        state: "up" | "down";
      };
    }
  | { status: "stopping" };

/*
 * Imports (/api/imports). The page reads and plans the file (lib/import); the server compares
 * the plan with Exist's values (the preview), keeps the planned writes in the database, and a
 * background job writes them, paced within the import's share of Exist's hourly limit.
 */

/**
 * One attribute's planned values, as the page sends them: as Exist stores them (metric units,
 * minutes, fractions, 1/0), one per day. `name` is the attribute's; a daily tag still to be
 * created has `name: null` and its `newTagLabel` until the page has created it (start names it).
 */
export type ImportDraftAttribute = {
  name: string | null;
  newTagLabel?: string;
  label: string;
  valueType: number;
  /** The person's days (YYYY-MM-DD), ascending, one per value. */
  days: string[];
  values: Value[];
  /** The file's row each value came from. */
  rows: number[];
  /** Days the file leaves empty for this attribute (YYYY-MM-DD): never written. */
  emptyDays: string[];
};

/** A cell or row of the file that gives no value, with the reason (row numbers are the file's). */
export type ImportInvalid = { row: number; column: string; cell: string; reason: string };

/** POST /api/imports: a new import from a planned file; answers its preview (ImportResponse). */
export type ImportDraftBody = {
  fileName: string;
  attributes: ImportDraftAttribute[];
  /** Up to 1000 of the invalid cells found in the browser, and how many there are in all. */
  invalid: ImportInvalid[];
  invalidCount: number;
};

/** One value the import replaces: Exist's before, the file's after. */
export type ReplacedSample = { date: string; before: Value; after: Value };

export type ImportAttributePreview = {
  /** Null for a tag still to be created. */
  name: string | null;
  newTagLabel?: string;
  label: string;
  valueType: number;
  /** The attribute's owner now: the page confirms an acquire before start when not this app. */
  ownedByApp: boolean;
  service: Service | null;
  new: number;
  replace: number;
  unchanged: number;
  /** Empty in the file, set in Exist: skipped, since Exist cannot empty a day. */
  cannotEmpty: number;
  /** Up to 5 of the values to replace. */
  replaceSample: ReplacedSample[];
};

export type ImportCounts = {
  new: number;
  replace: number;
  unchanged: number;
  cannotEmpty: number;
  invalid: number;
};

export type ImportPreview = {
  attributes: ImportAttributePreview[];
  totals: ImportCounts;
  /**
   * How the preview read Exist's values, in the fewest calls: `with-values` in 31-day windows,
   * or `values` pages per attribute; and how many calls that took.
   */
  read: { method: "with-values" | "values"; calls: number };
  /** update/ calls the import needs: ceil((new + replace) / 35). */
  writeCalls: number;
  /** The import's share of each window, the window's length, and how long the writes take at it. */
  callsPerWindow: number;
  windowSeconds: number;
  estimatedSeconds: number;
};

/**
 * preview: compared with Exist, nothing written; running (its job writes, or waits for the
 * next window); paused; finished; cancelled (values written before stay); undoing (the
 * replaced values being put back); undone; failed (stopped for a reason in `problem`).
 */
export type ImportStatus =
  "preview" | "running" | "paused" | "finished" | "cancelled" | "undoing" | "undone" | "failed";

export type ImportProgress = {
  /** Values to write (new + replace), and how many of them Exist has taken or refused. */
  total: number;
  written: number;
  refused: number;
  /** update/ calls made so far, of `writeCalls`. */
  calls: number;
  /** While the window's share (or Exist's 429) is used up: when the next window opens (ISO). */
  waitingUntil: string | null;
  /** When the writes should end at the import's pace (ISO), while running. */
  estimatedEnd: string | null;
};

/** A value Exist refused, from its `failed` list. */
export type ImportRefused = { name: string; date: string; errorCode: string; error: string };

export type ImportReport = {
  written: number;
  unchanged: number;
  invalid: number;
  /** Up to 1000 of them; `refusedCount` counts them all (the CSV report has every one). */
  refused: ImportRefused[];
  refusedCount: number;
  /** Values this import replaced whose before is kept for undo, until `undoUntil` (ISO). */
  replaced: number;
  undoUntil: string | null;
  /** Days that were empty before the import: undo cannot empty them again. */
  newDays: number;
};

/**
 * GET /api/imports/<id>, and the answer of every import route. POST /api/imports/<id>/start
 * (body ImportStartBody), /pause, /resume, /cancel and /undo change it; GET /api/imports/current
 * is the person's latest import under way: running, paused, undoing or failed (resumable), never
 * a preview (404 when none: the attributes page links to it while it runs); GET /api/imports/<id>/report.csv is the report with every row.
 */
export type ImportResponse = {
  id: string;
  status: ImportStatus;
  fileName: string;
  createdAt: string;
  preview: ImportPreview;
  progress: ImportProgress;
  /** From the end on (finished, cancelled, undone, failed). */
  report: ImportReport | null;
  /** Why a failed import stopped, or what the person must do (sign in again, acquire). */
  problem: { code: ErrorCode; message: string } | null;
};

/**
 * POST /api/imports/<id>/start: `tags` names the daily tags the page created for the preview's
 * `newTagLabel`s (from Exist's answer to /api/attributes/create). Answers 409 `not_owned` with
 * the attributes this app does not own yet: the page confirms their acquire first.
 */
export type ImportStartBody = { tags: Record<string, string> };
