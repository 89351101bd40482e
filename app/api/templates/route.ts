import { NextResponse } from "next/server";
import { buildTemplatesResponse } from "@/lib/api/attributes";
import { allowedMethods, methodNotAllowed, withSession } from "@/lib/api/handler";

/** Attribute templates the user does not have yet. */
export const GET = withSession({}, async ({ exist, session }) =>
  NextResponse.json(await buildTemplatesResponse(exist, session)),
);

const notAllowed = methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
export const OPTIONS = allowedMethods(["GET"]);
