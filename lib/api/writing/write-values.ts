/**
 * POST /api/values/update and /increment: values checked against each attribute's value type
 * and the person's today, sent to Exist 35 a call, recorded in the history, and answered with
 * the day's value as Exist now holds it, which also goes into the cached values.
 */
import "server-only";
import { NextResponse } from "next/server";
import type {
  RefusedValue,
  ValueItem,
  WriteMode,
  WriteValuesResponse,
  WrittenValue,
} from "@/lib/api/contract";
import { ApiError, OUTCOME_UNKNOWN_MESSAGE, outcomeUnknown } from "@/lib/api/errors";
import { recordValues } from "@/lib/api/history/record-write";
import { validate } from "@/lib/api/request";
import { storeDayValues, valuesCache } from "@/lib/api/values";
import { writeContext, type Session } from "@/lib/api/writing/context";
import { notDone } from "@/lib/api/writing/not-done";
import { nameOwners } from "@/lib/api/writing/owners-now";
import type { ChunkedOutcome, ExistClient } from "@/lib/exist/client";
import type { ValueObject } from "@/lib/exist/schemas";
import { writeBodySchemaFor, type WriteItem } from "@/lib/validations/values";

type Item = Record<string, unknown>;

/** The item sent that an item of Exist's answer is about (Exist may leave the date out). */
function sentItem(open: ValueItem[], item: Item): ValueItem | undefined {
  const date = typeof item.date === "string" ? item.date : undefined;
  const index = open.findIndex((sent) => sent.name === item.name && (!date || sent.date === date));
  return index < 0 ? undefined : open.splice(index, 1)[0];
}

function written(mode: WriteMode, sent: ValueItem, item: Item): WrittenValue {
  if (mode === "update") return { name: sent.name, date: sent.date, value: sent.value };
  // `current` is the day's new total; an answer without it leaves the total to be read back.
  const current = typeof item.current === "number" ? item.current : null;
  return { name: sent.name, date: sent.date, value: current, added: sent.value as number };
}

/** Exist's merged answer in our contract's words. */
export function shapeWriteAnswer(
  mode: WriteMode,
  sent: readonly ValueItem[],
  outcome: ChunkedOutcome<ValueObject>,
): WriteValuesResponse {
  const open = [...sent];
  const success: WrittenValue[] = [];
  for (const item of outcome.result.success) {
    const match = sentItem(open, item);
    if (match) success.push(written(mode, match, item));
  }
  const failed: RefusedValue[] = [];
  for (const item of outcome.result.failed) {
    const match = sentItem(open, item);
    if (match) failed.push({ ...match, error_code: item.error_code, error: item.error });
  }
  return {
    success,
    failed,
    ...notDone(outcome.untried, ({ name, date, value }) => ({ name, date, value })),
  };
}

export async function writeValues(
  exist: ExistClient,
  session: Session,
  mode: WriteMode,
  body: readonly WriteItem[],
): Promise<NextResponse<WriteValuesResponse>> {
  const context = await writeContext(exist, session, mode);
  const items = validate(writeBodySchemaFor(context), body);
  let outcome: ChunkedOutcome<ValueObject>;
  try {
    // Sent once: an increment whose answer was lost must not be sent again (it would add twice).
    outcome = await recordValues(
      session.username,
      mode,
      items,
      () => exist[mode](items),
      (name) => context.attributes.get(name)?.label,
    );
  } catch (error) {
    if (!outcomeUnknown(error)) throw error;
    valuesCache.forget(session.username);
    throw new ApiError("outcome_unknown", OUTCOME_UNKNOWN_MESSAGE);
  }
  const answer = shapeWriteAnswer(mode, items, outcome);
  await nameOwners(exist, session.username, answer.failed);
  if (answer.unknown || answer.success.some((item) => item.value === null)) {
    valuesCache.forget(session.username);
  } else {
    storeDayValues(session.username, answer.success);
  }
  return NextResponse.json(answer, { status: outcome.status });
}
