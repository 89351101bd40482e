import { NextResponse } from "next/server";
import { attributesCache } from "@/lib/api/attributes-cache";
import { allowedMethods, methodNotAllowed, withSession } from "@/lib/api/handler";
import { releaseBodySchema } from "@/lib/validations/ownership";

/** Gives up this app's ownership of the named attributes. */
export const POST = withSession({ body: releaseBodySchema }, async ({ exist, session, body }) => {
  try {
    const { status, result } = await exist.release(body);
    return NextResponse.json(result, { status });
  } finally {
    // Even a failed call may have changed some owners: the next load must ask Exist.
    attributesCache.forget(session.username);
  }
});

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
export const OPTIONS = allowedMethods(["POST"]);
