import type { ImportCounts } from "@/lib/api/contract";
import { count } from "@/lib/import/limits";

const PARTS: Array<{ key: keyof ImportCounts; words: string; tone: string }> = [
  { key: "new", words: "new", tone: "text-emerald-800 dark:text-emerald-300" },
  { key: "replace", words: "to replace", tone: "text-amber-800 dark:text-amber-300" },
  { key: "unchanged", words: "unchanged", tone: "" },
  { key: "cannotEmpty", words: "cannot be emptied", tone: "" },
  { key: "invalid", words: "invalid", tone: "text-red-800 dark:text-red-300" },
];

/** "12 new · 3 to replace · 40 unchanged · 0 cannot be emptied · 2 invalid". */
export function PreviewCounts({ counts, big }: { counts: Partial<ImportCounts>; big?: boolean }) {
  return (
    <ul className={`flex flex-wrap gap-x-4 gap-y-1 ${big ? "text-base" : "text-sm"}`}>
      {PARTS.filter(({ key }) => counts[key] !== undefined).map(({ key, words, tone }) => (
        <li key={key} className={tone}>
          <span className="font-semibold tabular-nums">{count(counts[key] ?? 0)}</span> {words}
        </li>
      ))}
    </ul>
  );
}
