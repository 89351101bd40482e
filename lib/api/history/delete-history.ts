/** Delete my history: every row the app keeps about the user, at once. */
import "server-only";
import { deleteUser } from "@/lib/api/history/entry-queries";
import { deleteImportsOf } from "@/lib/api/imports/queries";
import { ownersMemo } from "@/lib/api/history/owners-memo";
import { withHistoryDb, writesDone } from "@/lib/api/history/store";

/** How many entries were deleted; `undefined` when the database is unavailable. */
export async function deleteHistory(username: string): Promise<number | undefined> {
  await writesDone(username);
  // The imports that are over go too, with the replaced values kept for their undo.
  const deleted = await withHistoryDb(async (db) => {
    await deleteImportsOf(db, username);
    return deleteUser(db, username);
  });
  // The next list load starts the user's history again from Exist's owners.
  ownersMemo.noteWrite(username);
  return deleted;
}
