import { SessionEnded } from "@/components/auth/session-ended";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { Skeleton } from "@/components/ui/skeleton";
import { ApiResponseError, describeError, describeRetryAt } from "@/lib/query/api-error";

export function ListSkeleton() {
  return (
    <div aria-busy="true" className="mt-6 space-y-6">
      <p className="sr-only">Loading your attributes…</p>
      {[0, 1].map((group) => (
        <div key={group} className="space-y-2">
          <Skeleton className="h-6 w-32" />
          {[0, 1, 2, 3].map((row) => (
            <Skeleton key={row} className="h-14 w-full" />
          ))}
        </div>
      ))}
    </div>
  );
}

export function NoAttributes() {
  return (
    <Notice title="No attributes yet">
      <p>Your Exist account has no attributes. Add one from the templates below.</p>
    </Notice>
  );
}

/** Exist unreachable, slow or rate limiting: say which, and how to go on. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  if (error instanceof ApiResponseError && error.sessionEnded) return <SessionEnded />;
  if (error instanceof ApiResponseError && error.status === 429) {
    return (
      <Notice title="Exist asked us to slow down">
        <p role="alert">Too many requests reached Exist. {describeRetryAt(error.retryAt)}</p>
        <Button variant="secondary" onClick={onRetry}>
          Retry
        </Button>
      </Notice>
    );
  }
  const status = error instanceof ApiResponseError ? error.status : 0;
  const title =
    status === 502
      ? "Exist is unreachable"
      : status === 504
        ? "Exist is not answering"
        : "Your attributes could not be loaded";
  return (
    <Notice title={title}>
      <p role="alert">{describeError(error)}</p>
      <Button onClick={onRetry}>Retry</Button>
    </Notice>
  );
}
