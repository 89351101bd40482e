import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  /** What the browser can read (GET /api/auth/session): display fields and flags, never a token. */
  interface Session {
    user: { name: string; username: string; image: string | null };
    /** Groups the granted scopes let this app write (acquire needs `<group>_write`). */
    writableGroups: string[];
    /** `manual_write` granted. */
    manualWrite: boolean;
    /** The names of the scopes Exist granted (e.g. `mood_read`): what the access page shows. */
    scopes: string[];
    /** The Exist tokens could not be refreshed: the user must sign in again. */
    error?: "RefreshFailed";
    expires: DefaultSession["expires"];
  }

  interface User {
    username?: string;
  }
}

declare module "next-auth/jwt" {
  /** The encrypted session cookie; its real shape is sessionTokenSchema (lib/auth/token.ts). */
  interface JWT {
    username?: string;
    accessToken?: string;
    refreshToken?: string;
    expiresAt?: number;
    scopes?: string[];
    error?: "RefreshFailed";
  }
}
