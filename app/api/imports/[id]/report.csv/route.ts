import { NextResponse } from "next/server";
import { allowedMethods, methodNotAllowed, withSession } from "@/lib/api/handler";
import { importReportCsv } from "@/lib/api/imports/report-csv";
import { importIdOf } from "@/lib/api/imports/route-helpers";

/** The import's report, every value's fate, as CSV. */
export const GET = withSession({}, async ({ request, session }) => {
  const id = importIdOf(request);
  return new NextResponse(await importReportCsv(session.username, id), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="import-${id}.csv"`,
    },
  });
});

const notAllowed = methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
export const OPTIONS = allowedMethods(["GET"]);
