import { changeOwnership } from "@/lib/api/attributes";
import { allowedMethods, methodNotAllowed, withSession } from "@/lib/api/handler";
import { releaseBodySchema } from "@/lib/validations/ownership";

/** Gives up this app's ownership of the named attributes. */
export const POST = withSession({ body: releaseBodySchema }, ({ exist, session, body }) =>
  changeOwnership(session, "release", body, () => exist.release(body)),
);

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
export const OPTIONS = allowedMethods(["POST"]);
