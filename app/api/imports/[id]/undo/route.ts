import { allowedMethods, methodNotAllowed } from "@/lib/api/handler";
import { undoImport } from "@/lib/api/imports/change-import";
import { importAction } from "@/lib/api/imports/route-helpers";

/** Puts back the values an import replaced, through the same paced job. */
export const POST = importAction((id, session, tokens) => undoImport(session, tokens, id));

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
export const OPTIONS = allowedMethods(["POST"]);
