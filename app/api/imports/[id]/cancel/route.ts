import { allowedMethods, methodNotAllowed, withSession } from "@/lib/api/handler";
import { cancelImport } from "@/lib/api/imports/change-import";
import { answer, importIdOf, requireOwnPage } from "@/lib/api/imports/route-helpers";

/** Cancels an import: values written stay, the rest is never sent. */
export const POST = withSession({}, async ({ request, session }) => {
  requireOwnPage(request);
  return answer(await cancelImport(session.username, importIdOf(request)));
});

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
export const OPTIONS = allowedMethods(["POST"]);
