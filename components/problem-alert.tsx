import { AllowWritingButton } from "@/components/access/allow-writing-button";
import { SignInAgainButton } from "@/components/auth/sign-in-again-button";
import type { Problem } from "@/lib/query/api-error";

/** The red box of a refusal or an unknown outcome, in dialogs. */
export const problemBoxClass =
  "rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100";

/** A request that failed, why, and the way on (sign in again, allow writing). */
export function ProblemAlert({ problem }: { problem: Problem }) {
  return (
    <div role="alert" className={problemBoxClass}>
      <p>{problem.message}</p>
      {problem.sessionEnded ? <SignInAgainButton className="mt-2" /> : null}
      {problem.allowWriting ? (
        <AllowWritingButton group={problem.allowWriting} className="mt-2" />
      ) : null}
    </div>
  );
}
