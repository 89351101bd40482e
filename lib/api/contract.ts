/**
 * The JSON our own route handlers answer with: the contract between app/api/ and the page.
 */
import type { ExistAttribute, ExistTemplate, OwnershipResult } from "@/lib/exist/schemas";

/** GET /api/attributes */
export type AttributesResponse = {
  /** Every attribute of the user, in Exist's order (group priority, then attribute priority). */
  attributes: Array<ExistAttribute & { ownedByApp: boolean }>;
  /** Groups the granted scopes let this app write (acquire needs `<group>_write`). */
  writableGroups: string[];
  /** `manual_write` granted: manual attributes may be acquired in any group with `manual: true`. */
  manualWrite: boolean;
};

/** GET /api/templates */
export type TemplatesResponse = { templates: ExistTemplate[] };

/** POST /api/attributes/acquire and /release: Exist's own shape, 200 or 202. */
export type OwnershipResponse = OwnershipResult;

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
  "not_found",
  "internal_error",
  "history_unavailable",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Every error any route handler returns. */
export type ErrorEnvelope = { error: { code: ErrorCode; message: string } };
