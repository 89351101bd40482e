import type { ImportPreview } from "@/lib/api/contract";
import { durationText, paceText, plural } from "@/lib/import/wording";
import { mutedClass } from "./styles";

const READ_WORDS = {
  "with-values": "all attributes at once, 31 days a call",
  values: "attribute by attribute",
} as const;

/** What the import costs in Exist's calls, and how long its writes take at its pace. */
export function PreviewCost({ preview }: { preview: ImportPreview }) {
  const pace = paceText(preview.callsPerWindow, preview.windowSeconds);
  return (
    <div className="mt-4 rounded-md bg-slate-50 p-3 text-sm dark:bg-slate-800/60">
      <p>
        Writing needs <strong>{plural(preview.writeCalls, "call")}</strong> to Exist (35 values a
        call):{" "}
        <strong>
          {preview.writeCalls === 0
            ? "nothing to write"
            : `${durationText(preview.estimatedSeconds)} at ${pace}`}
        </strong>
        .
      </p>
      <p className={mutedClass}>
        Reading Exist’s values for this preview took {plural(preview.read.calls, "call")} (
        {READ_WORDS[preview.read.method]}). The import keeps to its share of Exist’s limit, so the
        app keeps working meanwhile; it goes on when you close this page.
      </p>
    </div>
  );
}
