import type { Metadata } from "next";
import { AccessTable } from "@/components/access/access-table";
import { ConsentDeclined } from "@/components/access/consent-declined";
import { GrantedScopesProvider } from "@/components/access/granted-scopes";
import { SessionEnded } from "@/components/auth/session-ended";
import { CONSENT_DECLINED } from "@/lib/access/consent";
import { requireSession } from "@/lib/auth/server";

export const metadata: Metadata = { title: "Your access · Exist Ownership" };

type AccessPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AccessPage({ searchParams }: AccessPageProps) {
  const session = await requireSession();
  const declined = (await searchParams)[CONSENT_DECLINED.param] === CONSENT_DECLINED.value;

  return (
    <>
      <h1 className="text-2xl font-semibold">Your access</h1>
      <p className="mt-1 text-slate-700 dark:text-slate-300">
        What you allowed this app to do in your Exist account, as Exist granted it. Reading a group
        lets the app list its attributes and their owners; writing lets it own, create, and write
        values for them. To allow writing a group, Exist asks you again; you can untick anything
        there.
      </p>
      {declined ? <ConsentDeclined /> : null}
      {session.error ? (
        <SessionEnded />
      ) : (
        <GrantedScopesProvider scopes={session.scopes}>
          <AccessTable scopes={session.scopes} />
        </GrantedScopesProvider>
      )}
    </>
  );
}
