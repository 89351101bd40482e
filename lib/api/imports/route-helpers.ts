/**
 * What the import routes share: the import's id from the path, the origin check without a body,
 * and the one shape of an action on the person's import.
 */
import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import type { ImportResponse } from "@/lib/api/contract";
import { ApiError } from "@/lib/api/errors";
import { withSession } from "@/lib/api/handler";
import { requireSameOrigin } from "@/lib/api/request";
import type { SessionToken } from "@/lib/auth/token";
import { env } from "@/lib/env";

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `/api/imports/<id>/...`'s id; an id that cannot be an import's is not found. */
export function importIdOf(request: NextRequest): string {
  const id = request.nextUrl.pathname.split("/")[3] ?? "";
  if (!ID.test(id)) throw new ApiError("not_found", "There is no such import.");
  return id;
}

/** A POST without a body still comes from the app's own pages only. */
function requireOwnPage(request: NextRequest): void {
  requireSameOrigin(request.headers, new URL(env().appUrl).origin);
}

export const answer = (response: ImportResponse, status = 200) =>
  NextResponse.json(response, { status });

/** POST /api/imports/<id>/<action>: from the app's own pages; answers the import as it is now. */
export const importAction = (
  act: (id: string, session: SessionToken, tokens: () => SessionToken) => Promise<ImportResponse>,
) =>
  withSession({}, async ({ request, session, currentTokens }) => {
    requireOwnPage(request);
    return answer(await act(importIdOf(request), session, currentTokens));
  });
