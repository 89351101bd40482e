import { errorResponse } from "@/lib/api/errors";

/** Any /api/ path no route serves: 404 in the envelope, whatever the method. */
async function notFound(): Promise<Response> {
  return errorResponse("not_found", "There is no such API endpoint.");
}

export {
  notFound as GET,
  notFound as HEAD,
  notFound as POST,
  notFound as PUT,
  notFound as PATCH,
  notFound as DELETE,
  notFound as OPTIONS,
};
