"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { Attribute, Units } from "@/lib/api/contract";
import type { DateFormat } from "@/lib/import/dates";
import { startImportWorker, type ImportWorker } from "@/lib/import/import-worker";
import type { LongColumns } from "@/lib/import/layout";
import type { PlanContext } from "@/lib/import/plan";
import type { ImportProgress } from "@/lib/import/protocol";
import { suggestMapping } from "@/lib/import/suggest";
import type { FileSummary } from "@/lib/import/summary";
import type { ImportMapping, ImportPlan } from "@/lib/import/types";
import { dateFormatFor } from "./mapping-edit";

export type FileState =
  | { stage: "idle" }
  | { stage: "reading"; fileName: string; progress: ImportProgress | null }
  | { stage: "refused"; fileName: string; message: string }
  | {
      stage: "mapping";
      fileName: string;
      summary: FileSummary;
      mapping: ImportMapping;
      /** Null while a file whose dates read both ways waits for the person's answer. */
      dateFormat: DateFormat | null;
    };

/**
 * The file chosen, read in the import worker (the page stays responsive), and the mapping made
 * from it: suggested, then changed by the person. The worker starts with the first file.
 */
export function useImportFile(attributes: readonly Attribute[], units: Units) {
  const [state, setState] = useState<FileState>({ stage: "idle" });
  const worker = useRef<ImportWorker | null>(null);
  const chosen = useRef(0);

  useEffect(() => () => worker.current?.terminate(), []);

  const choose = useCallback(
    async (file: File) => {
      const turn = ++chosen.current;
      const fileName = file.name;
      setState({ stage: "reading", fileName, progress: null });
      worker.current ??= startImportWorker();
      const onProgress = (progress: ImportProgress) => {
        if (turn === chosen.current) setState({ stage: "reading", fileName, progress });
      };
      try {
        const answer = await worker.current.parse(file, onProgress);
        if (turn !== chosen.current) return;
        if (!answer.ok)
          return setState({ stage: "refused", fileName, message: answer.issue.message });
        const { summary } = answer;
        const mapping = suggestMapping(summary, attributes, units);
        const dateFormat = summary.dateFormats.length === 1 ? mapping.dateFormat : null;
        setState({ stage: "mapping", fileName, summary, mapping, dateFormat });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (turn === chosen.current) setState({ stage: "refused", fileName, message });
      }
    },
    [attributes, units],
  );

  /** The mapping changed; dates moved to another column take the format its dates allow. */
  const change = useCallback((mapping: ImportMapping, dateFormat?: DateFormat) => {
    setState((current) => {
      if (current.stage !== "mapping") return current;
      const moved = mapping.dateColumn !== current.mapping.dateColumn;
      const format =
        dateFormat ??
        (moved
          ? dateFormatFor(current.summary, mapping.dateColumn, current.dateFormat)
          : current.dateFormat);
      const next = format ? { ...mapping, dateFormat: format } : mapping;
      return { ...current, mapping: next, dateFormat: format };
    });
  }, []);

  /** A long file read again with other columns of names and values: its keys matched anew. */
  const chooseColumns = useCallback(
    async (columns: LongColumns) => {
      const turn = chosen.current;
      if (!worker.current) return;
      const answer = await worker.current.columns(columns);
      if (turn !== chosen.current || !answer.ok) return;
      const { summary } = answer;
      setState((current) => {
        if (current.stage !== "mapping") return current;
        const { dateFormat } = current.mapping;
        const mapping = { ...suggestMapping(summary, attributes, units), dateFormat };
        return { ...current, summary, mapping };
      });
    },
    [attributes, units],
  );

  const plan = useCallback(
    (mapping: ImportMapping, context: PlanContext, onProgress?: (p: ImportProgress) => void) => {
      if (!worker.current) throw new Error("Choose a file first");
      return worker.current.plan(mapping, context, onProgress) as Promise<ImportPlan>;
    },
    [],
  );

  const reset = useCallback(() => {
    chosen.current++;
    setState({ stage: "idle" });
  }, []);

  return { state, choose, chooseColumns, change, plan, reset };
}
