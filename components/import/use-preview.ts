"use client";

import { useState } from "react";
import type { AttributesResponse, ValuesResponse } from "@/lib/api/contract";
import { draftBody } from "@/lib/import/draft";
import { planIssue } from "@/lib/import/issues";
import type { ImportProgress } from "@/lib/import/protocol";
import type { InvalidCell } from "@/lib/import/types";
import { todayIn } from "@/lib/values/dates";
import { problemFrom, type Problem } from "@/lib/query/api-error";
import { useCreateImport } from "@/lib/query/use-imports";
import type { FileState, useImportFile } from "./use-import-file";

type Mapping = Extract<FileState, { stage: "mapping" }>;

/** Why the mapping cannot be previewed yet, or null. */
export function mappingProblem(state: Mapping): string | null {
  if (state.mapping.dateColumn < 0)
    return "Choose the column that holds the dates: set it to Date.";
  if (state.dateFormat === null) return "Choose the date format: this file's dates read both ways.";
  return null;
}

/**
 * Preview: the plan made in the worker from the mapping, sent to the server, which compares it
 * with Exist's values and writes nothing. The invalid cells stay here for their download.
 */
export function usePreview(
  file: ReturnType<typeof useImportFile>,
  access: AttributesResponse,
  values: ValuesResponse,
) {
  const create = useCreateImport();
  const [planning, setPlanning] = useState<ImportProgress | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [invalid, setInvalid] = useState<InvalidCell[]>([]);
  // Per attribute (targetKey), its cells that gave no value.
  const [invalidByKey, setInvalidByKey] = useState<Record<string, number>>({});
  const [importId, setImportId] = useState<string | null>(null);

  async function preview(state: Mapping) {
    const refusal = mappingProblem(state);
    setProblem(refusal ? { message: refusal } : null);
    if (refusal) return;
    setImportId(null);
    setPlanning({ stage: "planning", fraction: 0 });
    try {
      const context = {
        attributes: access.attributes,
        units: values.units,
        timezone: values.timezone,
        today: todayIn(values.timezone),
      };
      const mapping = {
        ...state.mapping,
        dateFormat: state.dateFormat ?? state.mapping.dateFormat,
      };
      const plan = await file.plan(mapping, context, setPlanning);
      setInvalid(plan.invalid);
      setInvalidByKey(Object.fromEntries(plan.attributes.map((a) => [a.key, a.invalid])));
      const tooMuch = planIssue(plan);
      if (tooMuch) return setProblem({ message: tooMuch.message });
      if (plan.valueCount === 0 && plan.invalidCount === 0) {
        return setProblem({
          message: "Nothing to import: choose an attribute for at least one column.",
        });
      }
      const answer = await create.mutateAsync(draftBody(state.fileName, plan));
      setImportId(answer.id);
    } catch (error) {
      setProblem(problemFrom(error));
    } finally {
      setPlanning(null);
    }
  }

  /** The mapping changed: the preview no longer says what would happen. */
  const forget = () => {
    setImportId(null);
    setProblem(null);
  };

  return {
    preview,
    forget,
    planning,
    problem,
    invalid,
    invalidByKey,
    importId,
    busy: planning !== null || create.isPending,
  };
}
