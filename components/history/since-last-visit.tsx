import { APP_OWNER, type HistoryEntry } from "@/lib/api/contract";
import { describeOwners, describeWhat, formatTime } from "@/lib/history/describe";
import { DismissibleRegion } from "./dismissible-region";

const linkClass = "font-medium underline underline-offset-2";

/**
 * Owner changes made elsewhere since the user last dismissed them, attributes this app lost
 * first, each linking to its row. Rendered on the server: the client only gets the Dismiss button.
 */
export function SinceLastVisit({ entries }: { entries: HistoryEntry[] | undefined }) {
  if (entries === undefined) {
    return (
      <p role="status" className="mt-4 text-sm text-slate-700 dark:text-slate-300">
        History is unavailable right now. Acquiring and releasing attributes still works.
      </p>
    );
  }
  if (entries.length === 0) return null;
  const through = Math.max(...entries.map((entry) => entry.id));
  return (
    <DismissibleRegion through={through}>
      <p className="mt-1 text-sm">Owners changed outside this app:</p>
      <ul className="mt-2 space-y-1 text-sm">
        {entries.map((entry) => (
          <li key={entry.id}>
            <a href={`#attribute-${entry.attribute}`} className={linkClass}>
              {entry.label}
            </a>
            {entry.ownerBefore === APP_OWNER ? <strong> (lost by this app)</strong> : null}:{" "}
            {describeWhat(entry).toLowerCase()}, {describeOwners(entry)}, seen{" "}
            {entry.seenSince ? `between ${formatTime(entry.seenSince)} and ` : ""}
            {formatTime(entry.createdAt)}
          </li>
        ))}
      </ul>
      <p className="mt-2 text-sm">
        <a href="/history?kind=observed" className={linkClass}>
          See the full history
        </a>
      </p>
    </DismissibleRegion>
  );
}
