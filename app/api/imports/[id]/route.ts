import { allowedMethods, methodNotAllowed, withSession } from "@/lib/api/handler";
import { readImport } from "@/lib/api/imports/change-import";
import { answer, importIdOf } from "@/lib/api/imports/route-helpers";

/** One of the person's imports, where it is. */
export const GET = withSession({}, async ({ request, session }) =>
  answer(await readImport(session.username, importIdOf(request))),
);

const notAllowed = methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
export const OPTIONS = allowedMethods(["GET"]);
