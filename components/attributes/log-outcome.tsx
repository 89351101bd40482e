"use client";

import { ProblemAlert, problemBoxClass } from "@/components/problem-alert";
import { Button } from "@/components/ui/button";
import type { Units } from "@/lib/api/contract";
import type { Attribute } from "@/lib/attributes/types";
import { dayPhrase, lostText, unknownText } from "@/lib/values/write-wording";
import type { LogOutcome } from "./use-log-form";

type LogOutcomeAlertProps = {
  outcome: LogOutcome;
  attribute: Attribute;
  units: Units;
  today: string;
  /** Opens the acquire confirmation (nothing is acquired without it). */
  onAcquire: () => void;
};

/** Why the value did not go in, or that it is unknown whether it did, and the way on. */
export function LogOutcomeAlert({
  outcome,
  attribute,
  units,
  today,
  onAcquire,
}: LogOutcomeAlertProps) {
  if (outcome.kind === "lost") {
    return (
      <div className={problemBoxClass}>
        <p role="alert">{lostText(attribute.label, outcome.owner)}</p>
        <Button className="mt-2" onClick={onAcquire}>
          Acquire {attribute.label}
        </Button>
      </div>
    );
  }
  if (outcome.kind === "unknown") {
    const { mode, item, readBack } = outcome;
    const day = dayPhrase(item.date, today);
    return (
      <p role="alert" className={problemBoxClass}>
        {unknownText(attribute, mode, item.value, day, units, readBack)}
      </p>
    );
  }
  return <ProblemAlert problem={outcome.problem} />;
}
