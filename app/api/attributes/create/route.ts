import { allowedMethods, methodNotAllowed, withSession } from "@/lib/api/handler";
import { createTags } from "@/lib/api/writing/create-tags";
import { createTagsBodySchema } from "@/lib/validations/tags";

/** Creates daily tags owned by this app, by label; Exist names them. */
export const POST = withSession({ body: createTagsBodySchema }, ({ exist, session, body }) =>
  createTags(exist, session.username, body),
);

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
export const OPTIONS = allowedMethods(["POST"]);
