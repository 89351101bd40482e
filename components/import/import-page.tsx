"use client";

import { useState } from "react";
import { LoadError, ListSkeleton } from "@/components/attributes/page-states";
import type { AttributesResponse, ImportResponse, ValuesResponse } from "@/lib/api/contract";
import { useAttributes } from "@/lib/query/use-attributes";
import { useCurrentImport, useImport } from "@/lib/query/use-imports";
import { useValues } from "@/lib/query/use-values";
import { ImportFinished } from "./import-finished";
import { ImportFlow } from "./import-flow";
import { ImportProgressPanel } from "./import-progress";

const AT_WORK = new Set(["running", "paused", "undoing"]);

/**
 * The import page's client part: the import under way (coming back to the page shows it where it
 * is), its end, or the steps of a new one. It needs the person's attributes, units and time zone.
 */
export function ImportPage() {
  const attributes = useAttributes();
  const { query: values } = useValues();
  const current = useCurrentImport();
  const [announcement, setAnnouncement] = useState("");

  if (attributes.isPending || values.isPending || current.isPending) return <ListSkeleton />;
  if (attributes.isError)
    return <LoadError error={attributes.error} onRetry={() => void attributes.refetch()} />;
  if (values.isError)
    return <LoadError error={values.error} onRetry={() => void values.refetch()} />;

  return (
    <>
      <p role="status" className="sr-only">
        {announcement}
      </p>
      <ImportState
        access={attributes.data}
        values={values.data}
        current={current.data ?? null}
        announce={setAnnouncement}
      />
    </>
  );
}

type ImportStateProps = {
  access: AttributesResponse;
  values: ValuesResponse;
  current: ImportResponse | null;
  announce: (message: string) => void;
};

export function ImportState({ access, values, current, announce }: ImportStateProps) {
  const [ownId, setOwnId] = useState<string | null>(null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  // The import found under way stays the page's once shown: the current import is none as soon
  // as it ends, and its end (Import finished) is what the person came back to see.
  const [foundId, setFoundId] = useState<string | null>(null);
  const currentId = current && current.status !== "preview" ? current.id : null;
  if (currentId && currentId !== foundId && currentId !== dismissed) setFoundId(currentId);
  const id = ownId ?? (foundId !== dismissed ? foundId : null);
  const detail = useImport(id).data ?? (current?.id === id ? current : undefined);

  if (id && detail && AT_WORK.has(detail.status)) return <ImportProgressPanel answer={detail} />;
  if (id && detail && detail.status !== "preview") {
    return (
      <ImportFinished
        answer={detail}
        onAnother={() => {
          setOwnId(null);
          setDismissed(detail.id);
        }}
      />
    );
  }
  return <ImportFlow access={access} values={values} announce={announce} onStarted={setOwnId} />;
}
