import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/site-header";
import { getCurrentSession } from "@/lib/auth/server";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: "Exist Ownership",
  description:
    "See which service owns each of your Exist attributes, and take or give up ownership.",
  icons: { icon: "/icon.svg" },
};

export const viewport: Viewport = {
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#020617" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const session = await getCurrentSession();
  const user = session && (session.user.name || session.user.username) ? session.user : null;
  return (
    <html lang="en">
      <body className="min-h-screen bg-white text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900"
        >
          Skip to content
        </a>
        <SiteHeader user={user} />
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
