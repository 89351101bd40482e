import { NextResponse } from "next/server";
import { allowedMethods, methodNotAllowed, withSession } from "@/lib/api/handler";
import { acquireBodySchema } from "@/lib/validations/ownership";

/** Makes this app the owner of the named attributes (creating templated ones the user lacks). */
export const POST = withSession({ body: acquireBodySchema }, async ({ exist, body }) => {
  const { status, result } = await exist.acquire(body);
  return NextResponse.json(result, { status });
});

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
export const OPTIONS = allowedMethods(["POST"]);
