/** Deletes the app's history of some sandbox accounts, through the app's own DELETE /api/history. */
import { APP_URL } from "../env";
import { sealSession } from "../session";

export async function forgetHistory(accounts: readonly string[]): Promise<void> {
  for (const account of accounts) {
    const { cookie } = await sealSession(account);
    const response = await fetch(`${APP_URL}/api/history`, {
      method: "DELETE",
      headers: { Cookie: cookie, Origin: APP_URL },
    });
    if (!response.ok) throw new Error(`DELETE /api/history for ${account}: ${response.status}`);
  }
}
