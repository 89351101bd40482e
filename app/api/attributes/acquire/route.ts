import { NextResponse } from "next/server";
import { attributesCache } from "@/lib/api/attributes-cache";
import { allowedMethods, methodNotAllowed, withSession } from "@/lib/api/handler";
import { acquireBodySchema } from "@/lib/validations/ownership";

/** Makes this app the owner of the named attributes (creating templated ones the user lacks). */
export const POST = withSession({ body: acquireBodySchema }, async ({ exist, session, body }) => {
  try {
    const { status, result } = await exist.acquire(body);
    return NextResponse.json(result, { status });
  } finally {
    // Even a failed call may have changed some owners: the next load must ask Exist.
    attributesCache.forget(session.username);
  }
});

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
export const OPTIONS = allowedMethods(["POST"]);
