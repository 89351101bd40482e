import { allowedMethods, methodNotAllowed } from "@/lib/api/handler";
import { resumeImport } from "@/lib/api/imports/change-import";
import { importAction } from "@/lib/api/imports/route-helpers";

/** Resumes a paused (or failed) import with the session's sign-in. */
export const POST = importAction((id, session, tokens) => resumeImport(session, tokens, id));

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
export const OPTIONS = allowedMethods(["POST"]);
