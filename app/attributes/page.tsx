import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AttributesView } from "@/components/attributes/attributes-view";
import { SessionEnded } from "@/components/attributes/page-states";
import { SinceLastVisit } from "@/components/history/since-last-visit";
import { loadSinceLastVisit } from "@/lib/api/history-view";
import { getCurrentSession, prefetchAttributes } from "@/lib/auth/server";
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

export default async function AttributesPage() {
  const session = await getCurrentSession();
  if (!session) redirect("/");

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
      <SinceLastVisit entries={sinceLastVisit} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <AttributesView />
      </HydrationBoundary>
    </main>
  );
}
