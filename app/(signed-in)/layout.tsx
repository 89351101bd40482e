import type { ReactNode } from "react";
import { requireSession } from "@/lib/auth/server";

/**
 * The pages that need a session (/attributes, /history, /access, /import; lib/auth/page-guard.ts lists
 * them for proxy.ts's 307). Next.js renders a layout and its page at the same time, so each page
 * reads the session itself too (the same one: it is read once per request).
 */
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  await requireSession();
  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-6">
      {children}
    </main>
  );
}
