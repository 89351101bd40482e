import { NextResponse } from "next/server";
import type { ReadyResponse } from "@/lib/api/contract";
import { allowedMethods, methodNotAllowed } from "@/lib/api/handler";
import { readiness } from "@/lib/server/probes";

/**
 * Readiness: 200 while serving, with the database's state (a database outage does not make the
 * app unready); 503 once shutdown has begun. No session.
 */
export async function GET(): Promise<NextResponse<ReadyResponse>> {
  const { status, body } = await readiness();
  return NextResponse.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

const notAllowed = methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
export const OPTIONS = allowedMethods(["GET"]);
