import { allowedMethods, methodNotAllowed, withSession } from "@/lib/api/handler";
import { currentImport } from "@/lib/api/imports/change-import";
import { answer } from "@/lib/api/imports/route-helpers";

/**
 * The person's latest import under way (running, paused, undoing, or stopped and resumable),
 * never a preview; 404 when there is none.
 */
export const GET = withSession({}, async ({ session }) =>
  answer(await currentImport(session.username)),
);

const notAllowed = methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
export const OPTIONS = allowedMethods(["GET"]);
