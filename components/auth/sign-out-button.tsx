"use client";

import { Button } from "@/components/ui/button";

export function SignOutButton() {
  return (
    <Button
      variant="secondary"
      onClick={async () => {
        // Loaded on click, as in SignInButton: keeps next-auth/react out of the first load.
        const { signOut } = await import("next-auth/react");
        await signOut({ callbackUrl: "/" });
      }}
    >
      Sign out
    </Button>
  );
}
