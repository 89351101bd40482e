"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

export function SignInButton({ className }: { className?: string }) {
  const [pending, setPending] = useState(false);
  return (
    <Button
      className={className}
      aria-busy={pending}
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
