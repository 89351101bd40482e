import { NextResponse } from "next/server";
import { allowedMethods, methodNotAllowed, withSession } from "@/lib/api/handler";
import { validate } from "@/lib/api/request";
import { readDay } from "@/lib/api/writing/read-day";
import { dayQuerySchema } from "@/lib/validations/values";

/** `?attribute=<name>&date=YYYY-MM-DD`: that day's value as Exist holds it now (null: none). */
export const GET = withSession({}, async ({ request, exist, session }) => {
  const query = validate(dayQuerySchema, Object.fromEntries(request.nextUrl.searchParams));
  return NextResponse.json(await readDay(exist, session.username, query));
});

const notAllowed = methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
export const OPTIONS = allowedMethods(["GET"]);
