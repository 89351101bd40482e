import { allowedMethods, methodNotAllowed } from "@/lib/api/handler";
import { pauseImport } from "@/lib/api/imports/change-import";
import { importAction } from "@/lib/api/imports/route-helpers";

/** Pauses a running import between two calls to Exist. */
export const POST = importAction((id, session) => pauseImport(session.username, id));

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
export const OPTIONS = allowedMethods(["POST"]);
