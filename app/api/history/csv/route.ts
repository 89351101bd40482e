import { NextResponse } from "next/server";
import { allowedMethods, methodNotAllowed, withSession } from "@/lib/api/handler";
import { historyCsv } from "@/lib/api/history/csv";

/** The user's whole history as CSV, streamed. */
export const GET = withSession({}, async ({ session }) => {
  return new NextResponse(historyCsv(session.username), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="exist-ownership-history.csv"',
    },
  });
});

const notAllowed = methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
export const OPTIONS = allowedMethods(["GET"]);
