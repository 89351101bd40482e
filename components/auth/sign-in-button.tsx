"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";

export function SignInButton({ className }: { className?: string }) {
  const [pending, setPending] = useState(false);
  // Signing in needs the script (it posts next-auth's CSRF token): inactive until it has loaded.
  const hydrated = useHydrated();
  return (
    <Button
      className={className}
      aria-busy={pending}
      disabled={!hydrated}
      onClick={async () => {
        setPending(true);
        // Loaded on click: next-auth/react would add ~12 kB gzip to every page's first load.
        const { signIn } = await import("next-auth/react");
        await signIn("exist", { callbackUrl: "/attributes" });
      }}
    >
      Sign in with Exist
    </Button>
  );
}
