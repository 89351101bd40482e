import { allowedMethods, methodNotAllowed, withSession } from "@/lib/api/handler";
import { pauseImport } from "@/lib/api/imports/change-import";
import { answer, importIdOf, requireOwnPage } from "@/lib/api/imports/route-helpers";

/** Pauses a running import between two calls to Exist. */
export const POST = withSession({}, async ({ request, session }) => {
  requireOwnPage(request);
  return answer(await pauseImport(session.username, importIdOf(request)));
});

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
export const OPTIONS = allowedMethods(["POST"]);
