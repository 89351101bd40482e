import type { Metadata } from "next";
import { SessionEnded } from "@/components/auth/session-ended";
import { ImportPage } from "@/components/import/import-page";
import { requireSession } from "@/lib/auth/server";

export const metadata: Metadata = { title: "Import values · Exist Ownership" };

export default async function ImportValuesPage() {
  const session = await requireSession();
  return (
    <>
      <h1 className="text-2xl font-semibold">Import values</h1>
      <p className="mt-1 text-sm text-slate-700 sm:text-base dark:text-slate-300">
        Bring years of history from a spreadsheet, another tracker or Daylio into Exist. You see
        what would change before anything is written; the import then writes at a steady pace within
        Exist’s hourly limit, and can be undone.
      </p>
      {session.error ? <SessionEnded /> : <ImportPage />}
    </>
  );
}
