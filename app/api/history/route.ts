import { NextResponse } from "next/server";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/api/errors";
import { allowedMethods, methodNotAllowed, withSession } from "@/lib/api/handler";
import { deleteHistory } from "@/lib/api/history/delete-history";
import { loadHistoryPage } from "@/lib/api/history/read-history";
import { requireSameOrigin } from "@/lib/api/request";
import { historyQuerySchema } from "@/lib/validations/history";

const unavailable = () =>
  new ApiError("history_unavailable", "History is unavailable right now. Try again later.");

/** One page of the user's history, newest first (`?before=<id>` for older ones). */
export const GET = withSession({}, async ({ request, session }) => {
  const { attribute, kind, before } = historyQuerySchema.parse(
    Object.fromEntries(request.nextUrl.searchParams),
  );
  const page = await loadHistoryPage(session.username, { attribute, kind }, before);
  if (!page) throw unavailable();
  return NextResponse.json(page);
});

/** Deletes every history row of the user. */
export const DELETE = withSession({}, async ({ request, session }) => {
  requireSameOrigin(request.headers, new URL(env().appUrl).origin);
  const deleted = await deleteHistory(session.username);
  if (deleted === undefined) throw unavailable();
  return NextResponse.json({ deleted });
});

const notAllowed = methodNotAllowed(["GET", "DELETE"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH };
export const OPTIONS = allowedMethods(["GET", "DELETE"]);
