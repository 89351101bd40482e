import Link from "next/link";
import type { HistoryEntry } from "@/lib/api/contract";
import { describeOutcome, describeOwners, describeWhat, formatTime } from "@/lib/history/describe";

export function HistoryTable({ entries, caption }: { entries: HistoryEntry[]; caption: string }) {
  return (
    <div className="mt-4 overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-slate-700 dark:bg-slate-900 dark:text-slate-300">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              When
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Attribute
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              What happened
            </th>
            <th scope="col" className="hidden px-3 py-2 font-medium sm:table-cell">
              Outcome
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {entries.map((entry) => (
            <tr key={entry.id} className="align-top">
              <td className="px-3 py-2 sm:whitespace-nowrap">
                <time dateTime={entry.createdAt}>{formatTime(entry.createdAt)}</time>
              </td>
              <td className="px-3 py-2">
                <Link
                  href={`/history?attribute=${entry.attribute}`}
                  className="font-medium text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
                >
                  {entry.label}
                </Link>
              </td>
              <td className="px-3 py-2">
                <span className="block">{describeWhat(entry)}</span>
                <span className="block text-slate-700 dark:text-slate-300">
                  {describeOwners(entry)}
                </span>
                {/* Phones: the outcome goes under what happened instead of in a fourth column. */}
                <span className="mt-1 block sm:hidden">{describeOutcome(entry)}</span>
              </td>
              <td className="hidden px-3 py-2 sm:table-cell">{describeOutcome(entry)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
