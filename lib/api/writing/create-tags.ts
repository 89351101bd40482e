/**
 * POST /api/attributes/create: new daily tags (yes/no attributes of the `custom` group) owned by
 * this app, recorded in the history. Exist names each tag from its label; the name is read from
 * its answer, never guessed, and the new attributes join the user's cached list.
 */
import "server-only";
import { NextResponse } from "next/server";
import { attributesCache } from "@/lib/api/attributes-cache";
import type { Attribute, CreateTagsResponse, NewTag } from "@/lib/api/contract";
import { ApiError, OUTCOME_UNKNOWN_MESSAGE, outcomeUnknown } from "@/lib/api/errors";
import { recordTags } from "@/lib/api/history/record-write";
import { notDone } from "@/lib/api/writing/not-done";
import { changedAttributes, mergeChanged } from "@/lib/attributes/merge";
import type { ChunkedOutcome, ExistClient } from "@/lib/exist/client";
import type { CreateObject } from "@/lib/exist/schemas";
import { VALUE_TYPE } from "@/lib/values/value-types";

/** A daily tag: a manual yes/no attribute of the `custom` group, the only type it takes. */
const tagObject = ({ label }: NewTag): CreateObject => ({
  label,
  group: "custom",
  value_type: VALUE_TYPE.boolean,
  manual: true,
});

/** Live Exist's label of the `custom` group ("Daily tags"); a stand-in until the list reloads. */
const CUSTOM_GROUP = { name: "custom", label: "Daily tags", priority: 99 };

/** A new tag as far as Exist's answer tells, when the list could not be read again. */
function knownTag(name: string, label: string): Attribute {
  return {
    template: null,
    name,
    label,
    group: CUSTOM_GROUP,
    service: null,
    active: true,
    priority: 9,
    manual: true,
    value_type: VALUE_TYPE.boolean,
    value_type_description: "Boolean",
    available_services: [],
    ownedByApp: true,
  };
}

/**
 * The new attributes as the list has them: Exist's success objects, or, when it sent anything
 * less, the attributes read again by name; `complete` is false when even that failed.
 */
async function createdAttributes(
  exist: ExistClient,
  outcome: ChunkedOutcome<CreateObject>,
): Promise<{ attributes: Attribute[]; complete: boolean }> {
  const { success } = outcome.result;
  const whole = changedAttributes({ success, failed: [] }, "acquire");
  if (whole) return { attributes: whole, complete: true };
  const named = success.flatMap((item) =>
    typeof item.name === "string"
      ? [{ name: item.name, label: typeof item.label === "string" ? item.label : item.name }]
      : [],
  );
  if (named.length === 0) return { attributes: [], complete: success.length === 0 };
  try {
    const fresh = await exist.attributesNamed(named.map(({ name }) => name));
    return {
      attributes: fresh.map((attribute) => ({ ...attribute, ownedByApp: true })),
      complete: true,
    };
  } catch {
    return { attributes: named.map(({ name, label }) => knownTag(name, label)), complete: false };
  }
}

export async function createTags(
  exist: ExistClient,
  username: string,
  body: readonly NewTag[],
): Promise<NextResponse<CreateTagsResponse>> {
  const items = body.map(tagObject);
  let outcome: ChunkedOutcome<CreateObject>;
  try {
    // Sent once: a create Exist received and sent again would fail on the name it just took.
    outcome = await recordTags(username, items, () => exist.create(items));
  } catch (error) {
    if (outcomeUnknown(error)) attributesCache.forget(username);
    throw outcomeUnknown(error) ? new ApiError("outcome_unknown", OUTCOME_UNKNOWN_MESSAGE) : error;
  }
  const created = await createdAttributes(exist, outcome);
  if (created.complete) {
    attributesCache.update(username, (list) => ({
      ...list,
      attributes: mergeChanged(list.attributes, created.attributes),
    }));
  } else {
    attributesCache.forget(username);
  }
  const answer: CreateTagsResponse = {
    success: created.attributes,
    failed: outcome.result.failed.map((item) => ({
      label: typeof item.label === "string" ? item.label : "",
      error_code: item.error_code,
      error: item.error,
    })),
    ...notDone(outcome.untried, ({ label }) => ({ label })),
  };
  if (answer.unknown) attributesCache.forget(username);
  return NextResponse.json(answer, { status: outcome.status });
}
