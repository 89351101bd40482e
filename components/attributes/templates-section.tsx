"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { groupByExistGroup } from "@/lib/attributes/grouping";
import type { Template as ExistTemplate } from "@/lib/api/contract";
import { describeError, type Problem } from "@/lib/query/api-error";
import { templatesQuery } from "@/lib/query/options";
import type { OwnershipChange } from "@/lib/query/use-ownership";
import { templateButtonId } from "./ids";
import { TemplateDialog } from "./lazy-dialogs";

type TemplatesSectionProps = {
  run: (change: OwnershipChange, success: string) => Promise<Problem | null>;
};

/** Templates the user lacks; acquiring one creates the attribute in their Exist account. */
export function TemplatesSection({ run }: TemplatesSectionProps) {
  const [expanded, setExpanded] = useState(false);
  const [chosen, setChosen] = useState<ExistTemplate | null>(null);
  const query = useQuery({ ...templatesQuery(), enabled: expanded });

  return (
    <section aria-labelledby="templates-heading" className="mt-10">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="templates-heading" className="text-lg font-semibold">
          Add from templates
        </h2>
        <Button
          variant="secondary"
          aria-expanded={expanded}
          aria-controls="templates-list"
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? "Hide templates" : "Show templates"}
        </Button>
      </div>
      <div id="templates-list" hidden={!expanded} className="mt-2">
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
      </div>
      {chosen ? (
        <TemplateDialog template={chosen} onClose={() => setChosen(null)} run={run} />
      ) : null}
    </section>
  );
}
