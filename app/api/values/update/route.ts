import { allowedMethods, methodNotAllowed, withSession } from "@/lib/api/handler";
import { writeValues } from "@/lib/api/writing/write-values";
import { writeBodySchema } from "@/lib/validations/values";

/** Saves each value as its day's value (Exist's update/: replaces what was there). */
export const POST = withSession({ body: writeBodySchema }, ({ exist, session, body }) =>
  writeValues(exist, session, "update", body),
);

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
export const OPTIONS = allowedMethods(["POST"]);
