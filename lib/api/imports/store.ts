/**
 * The database for imports: unlike the history, an import cannot go on without it, so a
 * database that cannot be reached is an error the route answers (503).
 */
import "server-only";
import { ApiError } from "@/lib/api/errors";
import { database, type Db } from "@/lib/db/database";

export async function importsDb(): Promise<Db> {
  try {
    return (await database()).db;
  } catch {
    throw new ApiError(
      "history_unavailable",
      "Imports are unavailable right now: the app's database cannot be reached.",
    );
  }
}
