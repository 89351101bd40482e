import { allowedMethods, methodNotAllowed, withSession } from "@/lib/api/handler";
import { writeValues } from "@/lib/api/writing/write-values";
import { writeBodySchema } from "@/lib/validations/values";

/** Adds each value to its day's total (Exist's increment/); each success carries the new total. */
export const POST = withSession({ body: writeBodySchema }, ({ exist, session, body }) =>
  writeValues(exist, session, "increment", body),
);

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
export const OPTIONS = allowedMethods(["POST"]);
