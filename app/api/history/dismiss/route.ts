import { NextResponse } from "next/server";
import { ApiError } from "@/lib/api/errors";
import { allowedMethods, methodNotAllowed, withSession } from "@/lib/api/handler";
import { dismissSinceLastVisit } from "@/lib/api/history/since-last-visit";
import { dismissBodySchema } from "@/lib/validations/history";

/** Hides "Since your last visit" entries up to `through`; they stay in the history. */
export const POST = withSession({ body: dismissBodySchema }, async ({ session, body }) => {
  const done = await dismissSinceLastVisit(session.username, body.through);
  if (done === undefined) {
    throw new ApiError("history_unavailable", "History is unavailable right now. Try again later.");
  }
  return NextResponse.json({ dismissedThrough: body.through });
});

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
export const OPTIONS = allowedMethods(["POST"]);
