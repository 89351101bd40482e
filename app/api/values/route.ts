import { NextResponse } from "next/server";
import { wantsFresh } from "@/lib/api/attributes-cache";
import { allowedMethods, methodNotAllowed, withSession } from "@/lib/api/handler";
import { loadValues } from "@/lib/api/values";

/** The last 14 days of values of every active attribute, the user's time zone and units. */
export const GET = withSession({}, async ({ request, exist, session }) =>
  NextResponse.json(await loadValues(exist, session, wantsFresh(request.headers))),
);

const notAllowed = methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
export const OPTIONS = allowedMethods(["GET"]);
