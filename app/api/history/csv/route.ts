import { NextResponse } from "next/server";
import { allowedMethods, methodNotAllowed, withSession } from "@/lib/api/handler";
import { allEntries, type HistoryEntry } from "@/lib/api/history/read-history";
import { CSV_HEADER, csvLine } from "@/lib/api/history/csv";

function row(entry: HistoryEntry) {
  return csvLine({
    when: entry.createdAt.toISOString(),
    kind: entry.kind,
    attribute: entry.attribute,
    label: entry.label,
    action: entry.action,
    owner_before: entry.ownerBefore,
    owner_after: entry.ownerAfter,
    outcome: entry.outcome,
    error_code: entry.errorCode,
    request_id: entry.requestId,
    seen_since: entry.seenSince?.toISOString() ?? null,
  });
}

/** The user's whole history as CSV, streamed in batches so a long history needs little memory. */
export const GET = withSession({}, async ({ session }) => {
  const batches = allEntries(session.username);
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_HEADER));
    },
    async pull(controller) {
      try {
        const next = await batches.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value.map(row).join("")));
      } catch (error) {
        controller.error(error);
      }
    },
  });
  return new NextResponse(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="exist-ownership-history.csv"',
    },
  });
});

const notAllowed = methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
export const OPTIONS = allowedMethods(["GET"]);
