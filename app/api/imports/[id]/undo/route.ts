import { allowedMethods, methodNotAllowed, withSession } from "@/lib/api/handler";
import { undoImport } from "@/lib/api/imports/change-import";
import { answer, importIdOf, requireOwnPage } from "@/lib/api/imports/route-helpers";

/** Puts back the values an import replaced, through the same paced job. */
export const POST = withSession({}, async ({ request, session, currentTokens }) => {
  requireOwnPage(request);
  return answer(await undoImport(session, currentTokens, importIdOf(request)));
});

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
export const OPTIONS = allowedMethods(["POST"]);
