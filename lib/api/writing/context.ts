/**
 * What the server needs to check a write: the person's attributes (their value types) and their
 * today. Both come from caches the page has already filled (the attribute list, 30 s per
 * session; the values, with the time zone, two hours per person), so a write usually costs no
 * call to Exist besides its own.
 */
import "server-only";
import { loadAttributes } from "@/lib/api/attributes";
import { AttributesCache } from "@/lib/api/attributes-cache";
import type { Attribute, WriteMode } from "@/lib/api/contract";
import { valuesCache } from "@/lib/api/values";
import type { ExistClient } from "@/lib/exist/client";
import type { WriteContext } from "@/lib/validations/values";
import { todayIn } from "@/lib/values/dates";

export type Session = { username: string; scopes: readonly string[]; refreshToken: string };

/** The person's time zone: from their cached values, else from their profile. */
async function timezoneOf(exist: ExistClient, session: Session): Promise<string> {
  const cached = valuesCache.get(AttributesCache.userKey(session.username, session.scopes));
  return cached?.timezone ?? (await exist.profile()).timezone ?? "UTC";
}

export async function writeContext(
  exist: ExistClient,
  session: Session,
  mode: WriteMode,
  now = new Date(),
): Promise<WriteContext & { attributes: ReadonlyMap<string, Attribute> }> {
  const [list, timezone] = await Promise.all([
    loadAttributes(exist, session, false),
    timezoneOf(exist, session),
  ]);
  const attributes = new Map(list.attributes.map((attribute) => [attribute.name, attribute]));
  return {
    attributes,
    attribute: (name) => attributes.get(name),
    // The profile's time zone says which day is the person's today, wherever the server runs.
    today: todayIn(timezone, now),
    mode,
  };
}
