import { allowedMethods, methodNotAllowed, withSession } from "@/lib/api/handler";
import { createImport } from "@/lib/api/imports/create-import";
import { answer } from "@/lib/api/imports/route-helpers";
import { importDraftBodySchema, MAX_IMPORT_BODY_BYTES } from "@/lib/validations/imports";

/** A new import from the page's planned file: compared with Exist, stored, nothing written. */
export const POST = withSession(
  { body: importDraftBodySchema, maxBodyBytes: MAX_IMPORT_BODY_BYTES },
  async ({ exist, session, body }) => answer(await createImport(exist, session, body), 201),
);

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
export const OPTIONS = allowedMethods(["POST"]);
