import { allowedMethods, methodNotAllowed, withSession } from "@/lib/api/handler";
import { startImport } from "@/lib/api/imports/change-import";
import { answer, importIdOf } from "@/lib/api/imports/route-helpers";
import { importStartBodySchema } from "@/lib/validations/imports";

/** Starts writing a previewed import: 409 not_owned while this app does not own an attribute. */
export const POST = withSession(
  { body: importStartBodySchema },
  async ({ request, exist, session, currentTokens, body }) =>
    answer(await startImport(exist, session, currentTokens, importIdOf(request), body.tags)),
);

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
export const OPTIONS = allowedMethods(["POST"]);
