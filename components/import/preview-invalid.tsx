"use client";

import { Button } from "@/components/ui/button";
import { invalidCsv } from "@/lib/import/invalid-csv";
import { count } from "@/lib/import/limits";
import type { InvalidCell } from "@/lib/import/types";
import { mutedClass } from "./styles";

const SHOWN = 5;

function download(fileName: string, cells: readonly InvalidCell[]) {
  const url = URL.createObjectURL(
    new Blob([invalidCsv(cells)], { type: "text/csv;charset=utf-8" }),
  );
  const link = document.createElement("a");
  link.href = url;
  link.download = `${fileName.replace(/\.[^.]+$/, "")}-invalid-rows.csv`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The cells that give no value: the first few with their row and reason, and all of them as CSV. */
export function PreviewInvalid({
  fileName,
  cells,
  total,
}: {
  fileName: string;
  cells: readonly InvalidCell[];
  total: number;
}) {
  if (total === 0) return null;
  return (
    <div className="mt-4">
      <h3 className="font-medium">Invalid: skipped</h3>
      <ul className={`${mutedClass} mt-1 space-y-0.5`}>
        {cells.slice(0, SHOWN).map((cell) => (
          <li key={`${cell.row}:${cell.column}`} className="break-words">
            Row {count(cell.row)}, {cell.column}: {cell.reason}
          </li>
        ))}
      </ul>
      {total > SHOWN ? <p className={mutedClass}>and {count(total - SHOWN)} more.</p> : null}
      <Button variant="secondary" className="mt-2" onClick={() => download(fileName, cells)}>
        Download invalid rows (CSV)
      </Button>
    </div>
  );
}
