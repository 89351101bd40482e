/** Delete my history: every row the app keeps about the user, at once. */
import "server-only";
import { deleteUser } from "@/lib/api/history/entry-queries";
import { ownersMemo } from "@/lib/api/history/owners-memo";
import { withHistoryDb, writesDone } from "@/lib/api/history/store";

/** How many entries were deleted; `undefined` when the database is unavailable. */
export async function deleteHistory(username: string): Promise<number | undefined> {
  await writesDone(username);
  const deleted = await withHistoryDb((db) => deleteUser(db, username));
  // The next list load starts the user's history again from Exist's owners.
  ownersMemo.noteWrite(username);
  return deleted;
}
