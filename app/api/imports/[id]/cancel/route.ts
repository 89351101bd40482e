import { allowedMethods, methodNotAllowed } from "@/lib/api/handler";
import { cancelImport } from "@/lib/api/imports/change-import";
import { importAction } from "@/lib/api/imports/route-helpers";

/** Cancels an import: values written stay, the rest is never sent. */
export const POST = importAction((id, session) => cancelImport(session.username, id));

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
export const OPTIONS = allowedMethods(["POST"]);
