"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TemplatesList } from "./lazy-dialogs";
import type { RunChange } from "./use-change-runner";

/**
 * Templates the user lacks; acquiring one creates the attribute in their Exist account. The list
 * (and its request) comes once the person asks for it.
 */
export function TemplatesSection({ run }: { run: RunChange }) {
  const [expanded, setExpanded] = useState(false);
  // Kept once shown, so hiding and showing again does not reload it.
  const [shown, setShown] = useState(false);

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
          onClick={() => {
            setExpanded(!expanded);
            setShown(true);
          }}
        >
          {expanded ? "Hide templates" : "Show templates"}
        </Button>
      </div>
      <div id="templates-list" hidden={!expanded} className="mt-2">
        {shown ? <TemplatesList run={run} /> : null}
      </div>
    </section>
  );
}
