import { NextResponse } from "next/server";
import { allowedMethods, methodNotAllowed, withSession } from "@/lib/api/handler";
import { releaseBodySchema } from "@/lib/validations/ownership";

/** Gives up this app's ownership of the named attributes. */
export const POST = withSession({ body: releaseBodySchema }, async ({ exist, body }) => {
  const { status, result } = await exist.release(body);
  return NextResponse.json(result, { status });
});

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
export const OPTIONS = allowedMethods(["POST"]);
