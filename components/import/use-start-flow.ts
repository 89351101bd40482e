"use client";

import { useRef, useState } from "react";
import type { Attribute, ImportResponse } from "@/lib/api/contract";
import { problemFrom, type Problem } from "@/lib/query/api-error";
import { useStartImport } from "@/lib/query/use-imports";
import { answerLost, useCreateTag } from "@/lib/query/use-write";

export type StartStep = "acquire" | "tags" | null;

/** The preview's attributes this app must acquire first, as the attributes page lists them. */
export function toAcquire(answer: ImportResponse, known: readonly Attribute[]): Attribute[] {
  const names = new Set(
    answer.preview.attributes.flatMap((item) => (item.name && !item.ownedByApp ? [item.name] : [])),
  );
  return known.filter((attribute) => names.has(attribute.name) && !attribute.ownedByApp);
}

export const tagsToCreate = (answer: ImportResponse) =>
  answer.preview.attributes.flatMap((item) =>
    item.name === null && item.newTagLabel ? [item.newTagLabel] : [],
  );

const LOST: Problem = {
  message:
    "Exist's answer was lost, so it is unknown whether the tag was created. Look for it on the attributes page before trying again.",
};

/**
 * Start import, in order: the attributes page's acquire confirmation for what this app does not
 * own, a confirmation for the tags to create (Exist cannot delete them), then the start itself.
 * Each step waits for the person; nothing is written to Exist before the last.
 */
export function useStartFlow(
  answer: ImportResponse,
  known: readonly Attribute[],
  onStarted: (id: string) => void,
) {
  const [step, setStep] = useState<StartStep>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  // Fixed when the confirmation opens: the list changes under it once Exist has answered.
  const [acquiring, setAcquiring] = useState<Attribute[]>([]);
  const created = useRef<Record<string, string>>({});
  const start = useStartImport();
  const createTag = useCreateTag();

  async function send() {
    setProblem(null);
    try {
      const started = await start.mutateAsync({
        id: answer.id,
        body: { tags: { ...created.current } },
      });
      onStarted(started.id);
    } catch (error) {
      setProblem(problemFrom(error));
    }
  }

  /** The step after `from` (null: the first), or the start when none is left. */
  function next(from: StartStep) {
    const unowned = from === null ? toAcquire(answer, known) : [];
    if (unowned.length > 0) {
      setAcquiring(unowned);
      return setStep("acquire");
    }
    const missing = tagsToCreate(answer).filter((label) => !created.current[label]);
    if (from !== "tags" && missing.length > 0) return setStep("tags");
    setStep(null);
    void send();
  }

  async function createTags(): Promise<Problem | null> {
    for (const label of tagsToCreate(answer)) {
      if (created.current[label]) continue;
      try {
        const result = await createTag.mutateAsync(label);
        const tag = result.success[0];
        if (!tag)
          return {
            message: `Exist did not create the tag ${label}: ${result.failed[0]?.error ?? "no answer"}`,
          };
        created.current[label] = tag.name;
      } catch (error) {
        return answerLost(error) ? LOST : problemFrom(error);
      }
    }
    return null;
  }

  /** After a confirmation closed: its own close runs first, then this moves on. */
  const after = (from: StartStep) => setTimeout(() => next(from), 0);

  return { step, setStep, next, after, acquiring, createTags, problem, busy: start.isPending };
}
