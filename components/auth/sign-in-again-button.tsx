"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { askExist, currentPlace } from "@/components/access/consent";

/**
 * For a change Exist refused with 401 after the one refresh: sign in again and come back to this
 * page. Nothing is retried on return: the list then shows Exist's owners, so a change is never
 * sent twice.
 */
export function SignInAgainButton({ className }: { className?: string }) {
  const [pending, setPending] = useState(false);
  return (
    <Button
      className={className}
      aria-busy={pending}
      onClick={async () => {
        setPending(true);
        await askExist(currentPlace());
      }}
    >
      Sign in again
    </Button>
  );
}
