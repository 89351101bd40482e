/**
 * GET /api/values/day: one attribute's value on one day, as Exist holds it now. The page reads
 * a day back when a write's answer was lost, before it offers to write again.
 */
import "server-only";
import type { DayValueResponse } from "@/lib/api/contract";
import { ApiError } from "@/lib/api/errors";
import { storeDayValues, valueOf } from "@/lib/api/values";
import type { ExistClient } from "@/lib/exist/client";
import { ExistError } from "@/lib/exist/errors";

export async function readDay(
  exist: ExistClient,
  username: string,
  query: { attribute: string; date: string },
): Promise<DayValueResponse> {
  let raw;
  try {
    raw = await exist.dayValue(query.attribute, query.date);
  } catch (error) {
    // Exist answers an attribute the person lacks, or this app may not read, with 404.
    if (error instanceof ExistError && error.details.status === 404) {
      throw new ApiError("not_found", `There is no attribute named ${query.attribute} to read.`);
    }
    throw error;
  }
  const answer = { name: query.attribute, date: query.date, value: valueOf(raw) };
  storeDayValues(username, [answer]);
  return answer;
}
