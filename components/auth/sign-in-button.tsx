"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function SignInButton({ className }: { className?: string }) {
  const [pending, setPending] = useState(false);
  return (
    <Button
      className={className}
      aria-busy={pending}
      onClick={() => {
        setPending(true);
        void signIn("exist", { callbackUrl: "/attributes" });
      }}
    >
      Sign in with Exist
    </Button>
  );
}
