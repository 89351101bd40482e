import Link from "next/link";
import type { Session } from "next-auth";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { NavLink } from "@/components/nav-link";

type SessionUser = Session["user"];

function Avatar({ user }: { user: SessionUser }) {
  if (!user.image) {
    const initial = (user.name || user.username || "?").slice(0, 1).toUpperCase();
    return (
      <span
        aria-hidden="true"
        className="flex size-8 items-center justify-center rounded-full bg-indigo-100 text-sm font-semibold text-indigo-900 dark:bg-indigo-900 dark:text-indigo-100"
      >
        {initial}
      </span>
    );
  }
  // A plain <img>: avatars come from Exist's own host, which next/image would need configured for.
  // eslint-disable-next-line @next/next/no-img-element
  return <img src={user.image} alt="" width={32} height={32} className="size-8 rounded-full" />;
}

export function SiteHeader({ user }: { user: SessionUser | null }) {
  return (
    <header className="border-b border-slate-200 dark:border-slate-800">
      <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link
          href={user ? "/attributes" : "/"}
          className="font-semibold focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          Exist Ownership
        </Link>
        {user ? (
          <div className="flex min-w-0 items-center gap-3">
            <NavLink href="/import">Import</NavLink>
            <NavLink href="/history">History</NavLink>
            <NavLink href="/access">Access</NavLink>
            <Avatar user={user} />
            <span className="truncate text-sm">{user.name || user.username}</span>
            <SignOutButton />
          </div>
        ) : null}
      </div>
    </header>
  );
}
