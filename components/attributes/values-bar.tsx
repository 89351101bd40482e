"use client";

import { Button } from "@/components/ui/button";
import type { ValuesResponse } from "@/lib/api/contract";
import { describeError } from "@/lib/query/api-error";
import { NEW_TAG_BUTTON_ID } from "./ids";

type ValuesBarProps = {
  values: ValuesResponse | undefined;
  loading: boolean;
  refreshing: boolean;
  error: unknown;
  onRefresh: () => void;
  /** When this app may create daily tags: opens New tag. */
  onNewTag?: (() => void) | undefined;
};

function fetchedTime(values: ValuesResponse): string {
  return new Intl.DateTimeFormat("en-GB", {
    hour: "2-digit",
    minute: "2-digit",
    timeZone: values.timezone,
  }).format(new Date(values.fetchedAt));
}

/** Where the values stand (loading, as of when, failed), "Refresh values" and "New tag". */
export function ValuesBar(props: ValuesBarProps) {
  const { values, loading, refreshing, error, onRefresh } = props;
  return (
    <div className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700 dark:text-slate-300">
      <p aria-live="polite">
        {loading ? (
          "Loading the last 14 days of values…"
        ) : values ? (
          <>
            Values of the last 14 days, as of {fetchedTime(values)}
            {/* On a phone the time zone is left to the Log dialog, to keep this one line. */}
            <span className="max-sm:hidden"> ({values.timezone})</span>.
          </>
        ) : null}
      </p>
      {error && !loading ? (
        <p role="alert" className="text-amber-900 dark:text-amber-200">
          Values could not be loaded: {describeError(error)}
        </p>
      ) : null}
      <Button
        variant="ghost"
        className="px-2 max-sm:min-h-9"
        onClick={onRefresh}
        aria-disabled={refreshing || loading}
      >
        {refreshing ? "Refreshing values…" : "Refresh values"}
      </Button>
      {props.onNewTag ? (
        <Button
          id={NEW_TAG_BUTTON_ID}
          variant="secondary"
          className="px-3 max-sm:min-h-9"
          onClick={props.onNewTag}
        >
          New tag
        </Button>
      ) : null}
    </div>
  );
}
