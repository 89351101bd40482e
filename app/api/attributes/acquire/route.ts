import { changeOwnership } from "@/lib/api/attributes";
import { allowedMethods, methodNotAllowed, withSession } from "@/lib/api/handler";
import { acquireBodySchema } from "@/lib/validations/ownership";

/** Makes this app the owner of the named attributes (creating templated ones the user lacks). */
export const POST = withSession({ body: acquireBodySchema }, ({ exist, session, body }) =>
  changeOwnership(session, "acquire", body, () => exist.acquire(body)),
);

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
export const OPTIONS = allowedMethods(["POST"]);
