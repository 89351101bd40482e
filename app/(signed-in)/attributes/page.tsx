import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import type { Session } from "next-auth";
import { Suspense, type ReactElement } from "react";
import { ConsentDeclined } from "@/components/access/consent-declined";
import { GrantedScopesProvider } from "@/components/access/granted-scopes";
import { ListSkeleton } from "@/components/attributes/page-states";
import { YourAttributes } from "@/components/attributes/your-attributes";
import { SessionEnded } from "@/components/auth/session-ended";
import { SinceLastVisit } from "@/components/history/since-last-visit";
import { RunningImportLink } from "@/components/import/running-import-link";
import { CONSENT_DECLINED } from "@/lib/access/consent";
import { loadSinceLastVisit } from "@/lib/api/history/since-last-visit";
import { currentImport } from "@/lib/api/imports/change-import";
import { prefetchAttributes } from "@/lib/api/prefetch";
import { filterFromParams } from "@/lib/attributes/filter";
import { requireSession } from "@/lib/auth/server";
import { attributeKeys } from "@/lib/query/keys";
import { makeQueryClient } from "@/lib/query/query-client";
import { within } from "@/lib/server/time-limit";

export const metadata: Metadata = { title: "Your attributes · Exist Ownership" };

function Intro() {
  return (
    <>
      <h1 className="text-2xl font-semibold">Your attributes</h1>
      <p className="mt-1 text-sm text-slate-700 sm:text-base dark:text-slate-300">
        Each attribute has one owner: the only service that may write its data. Switch one on to
        make this app its owner, or off to give it up.
      </p>
    </>
  );
}

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AttributesPage({ searchParams }: PageProps) {
  const session = await requireSession();
  const params = await searchParams;
  const declined = params[CONSENT_DECLINED.param] === CONSENT_DECLINED.value;

  if (session.error) {
    return (
      <>
        <Intro />
        <SessionEnded />
      </>
    );
  }

  const running = runningImport(session.user.username);
  const list = listPart(session, params);
  // Exist answering quickly (or the 30 s cache): the list is in the first HTML, ahead of the
  // query data it carries. Only a slow Exist streams it behind a skeleton, since a streamed
  // part shows only once it and its data have arrived, and React holds back its reveal a little.
  const quick = await within(list, WAIT_FOR_EXIST_MS);
  const current = await running;

  return (
    <>
      <Intro />
      <RunningImportLink current={current} />
      {declined ? <ConsentDeclined /> : null}
      {quick ?? (
        <Suspense fallback={<ListSkeleton />}>
          <Streamed part={list} />
        </Suspense>
      )}
    </>
  );
}

/** The import under way, for its link; none (or its storage down) shows no link. */
async function runningImport(username: string) {
  try {
    return await currentImport(username);
  } catch {
    return null;
  }
}

/** How long the page waits for Exist before it sends a skeleton in place of the list. */
const WAIT_FOR_EXIST_MS = 300;

async function Streamed({ part }: { part: Promise<ReactElement> }) {
  return await part;
}

type Params = Record<string, string | string[] | undefined>;

/** The list and "Since your last visit", with the list prefetched for TanStack Query. */
async function listPart(session: Session, params: Params): Promise<ReactElement> {
  // The first HTML already holds the list: prefetch here, hand it to TanStack Query on the client.
  const queryClient = makeQueryClient();
  const attributes = await prefetchAttributes();
  if (attributes) queryClient.setQueryData(attributeKeys.list(), attributes);
  // After the prefetch: loading the list from Exist is what records changes made elsewhere.
  const sinceLastVisit = await loadSinceLastVisit(session.user.username);

  return (
    <>
      <SinceLastVisit entries={sinceLastVisit} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <GrantedScopesProvider scopes={session.scopes}>
          <YourAttributes initialFilter={filterFromParams(params)} />
        </GrantedScopesProvider>
      </HydrationBoundary>
    </>
  );
}
