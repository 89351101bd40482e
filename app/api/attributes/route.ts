import { NextResponse } from "next/server";
import { loadAttributes } from "@/lib/api/attributes";
import { wantsFresh } from "@/lib/api/attributes-cache";
import { allowedMethods, methodNotAllowed, withSession } from "@/lib/api/handler";

/** Every attribute of the user, with whether this app owns it, and the groups it may write. */
export const GET = withSession({}, async ({ request, exist, session }) =>
  NextResponse.json(await loadAttributes(exist, session, wantsFresh(request.headers))),
);

const notAllowed = methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
export const OPTIONS = allowedMethods(["GET"]);
