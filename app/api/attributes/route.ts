import { NextResponse } from "next/server";
import { buildAttributesResponse } from "@/lib/api/attributes";
import { allowedMethods, methodNotAllowed, withSession } from "@/lib/api/handler";

/** Every attribute of the user, with whether this app owns it, and the groups it may write. */
export const GET = withSession({}, async ({ exist, scopes }) =>
  NextResponse.json(await buildAttributesResponse(exist, scopes)),
);

const notAllowed = methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
export const OPTIONS = allowedMethods(["GET"]);
