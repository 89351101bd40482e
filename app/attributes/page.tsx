import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ConsentDeclined } from "@/components/access/consent-declined";
import { GrantedScopesProvider } from "@/components/access/granted-scopes";
import { AttributesView } from "@/components/attributes/attributes-view";
import { SessionEnded } from "@/components/attributes/page-states";
import { SinceLastVisit } from "@/components/history/since-last-visit";
import { CONSENT_DECLINED } from "@/lib/access/scopes";
import { loadSinceLastVisit } from "@/lib/api/history-view";
import { prefetchAttributes } from "@/lib/api/prefetch";
import { filterFromParams } from "@/lib/attributes/filter";
import { getCurrentSession } from "@/lib/auth/server";
import { attributeKeys } from "@/lib/query/keys";
import { makeQueryClient } from "@/lib/query/query-client";

export const metadata: Metadata = { title: "Your attributes · Exist Ownership" };

function Intro() {
  return (
    <>
      <h1 className="text-2xl font-semibold">Your attributes</h1>
      <p className="mt-1 text-slate-700 dark:text-slate-300">
        Each attribute has one owner: the only service that may write its data. Switch one on to
        make this app its owner, or off to give it up.
      </p>
    </>
  );
}

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AttributesPage({ searchParams }: PageProps) {
  const session = await getCurrentSession();
  if (!session) redirect("/");
  const params = await searchParams;
  const declined = params[CONSENT_DECLINED.param] === CONSENT_DECLINED.value;

  if (session.error) {
    return (
      <main id="main" className="mx-auto max-w-4xl px-4 py-6">
        <Intro />
        <SessionEnded />
      </main>
    );
  }

  // The first HTML already holds the list: prefetch here, hand it to TanStack Query on the client.
  const queryClient = makeQueryClient();
  const attributes = await prefetchAttributes();
  if (attributes) queryClient.setQueryData(attributeKeys.list(), attributes);
  // After the prefetch: loading the list from Exist is what records changes made elsewhere.
  const sinceLastVisit = await loadSinceLastVisit(session.user.username);

  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-6">
      <Intro />
      {declined ? <ConsentDeclined /> : null}
      <SinceLastVisit entries={sinceLastVisit} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <GrantedScopesProvider scopes={session.scopes}>
          <AttributesView initialFilter={filterFromParams(params)} />
        </GrantedScopesProvider>
      </HydrationBoundary>
    </main>
  );
}
