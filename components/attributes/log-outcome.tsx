"use client";

import { AllowWritingButton } from "@/components/access/allow-writing-button";
import { SignInAgainButton } from "@/components/auth/sign-in-again-button";
import { Button } from "@/components/ui/button";
import type { Units } from "@/lib/api/contract";
import type { Attribute } from "@/lib/attributes/types";
import type { Problem } from "@/lib/query/api-error";
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

const boxClass =
  "rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100";

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
      <div className={boxClass}>
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
      <p role="alert" className={boxClass}>
        {unknownText(attribute, mode, item.value, day, units, readBack)}
      </p>
    );
  }
  return <ProblemAlert problem={outcome.problem} />;
}

/** A request that failed, why, and the way on (sign in again, allow writing). */
export function ProblemAlert({ problem }: { problem: Problem }) {
  return (
    <div role="alert" className={boxClass}>
      <p>{problem.message}</p>
      {problem.sessionEnded ? <SignInAgainButton className="mt-2" /> : null}
      {problem.allowWriting ? (
        <AllowWritingButton group={problem.allowWriting} className="mt-2" />
      ) : null}
    </div>
  );
}
