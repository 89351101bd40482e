"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { groupByExistGroup } from "@/lib/attributes/grouping";
import type { Template as ExistTemplate } from "@/lib/api/contract";
import { describeError } from "@/lib/query/api-error";
import { templatesQuery } from "@/lib/query/options";
import { templateButtonId } from "./ids";
import { TemplateDialog } from "./lazy-dialogs";
import type { RunChange } from "./use-change-runner";

/** The templates the user lacks, by group, each a button to create and acquire it. */
export function TemplatesList({ run }: { run: RunChange }) {
  const [chosen, setChosen] = useState<ExistTemplate | null>(null);
  const query = useQuery(templatesQuery());

  return (
    <>
      {query.isPending ? <p>Loading templates…</p> : null}
      {query.isError ? (
        <div role="alert" className="space-y-2">
          <p>{describeError(query.error)}</p>
          <Button variant="secondary" onClick={() => void query.refetch()}>
            Retry
          </Button>
        </div>
      ) : null}
      {query.data && query.data.templates.length === 0 ? (
        <p>You already have every attribute Exist offers as a template.</p>
      ) : null}
      {query.data
        ? groupByExistGroup(query.data.templates).map(({ group, items }) => (
            <div key={group.name} className="mt-4">
              <h3 className="font-medium">{group.label}</h3>
              <ul className="mt-1 flex flex-wrap gap-2">
                {items.map((template) => (
                  <li key={template.name}>
                    <Button
                      id={templateButtonId(template.name)}
                      variant="secondary"
                      onClick={() => setChosen(template)}
                    >
                      Add {template.label}
                    </Button>
                  </li>
                ))}
              </ul>
            </div>
          ))
        : null}
      {chosen ? (
        <TemplateDialog template={chosen} onClose={() => setChosen(null)} run={run} />
      ) : null}
    </>
  );
}
