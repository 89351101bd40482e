import { NextResponse } from "next/server";
import type { HealthResponse } from "@/lib/api/contract";
import { allowedMethods, methodNotAllowed } from "@/lib/api/handler";

/** Liveness: answers at once, with no session, touching neither the database nor Exist. */
export function GET(): NextResponse<HealthResponse> {
  return NextResponse.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}

const notAllowed = methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
export const OPTIONS = allowedMethods(["GET"]);
