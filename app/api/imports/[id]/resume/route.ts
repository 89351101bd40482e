import { allowedMethods, methodNotAllowed, withSession } from "@/lib/api/handler";
import { resumeImport } from "@/lib/api/imports/change-import";
import { answer, importIdOf, requireOwnPage } from "@/lib/api/imports/route-helpers";

/** Resumes a paused (or failed) import with the session's sign-in. */
export const POST = withSession({}, async ({ request, session, currentTokens }) => {
  requireOwnPage(request);
  return answer(await resumeImport(session, currentTokens, importIdOf(request)));
});

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
export const OPTIONS = allowedMethods(["POST"]);
