"use client";

import { useState } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useGroupLabel } from "@/lib/query/use-attributes";
import { scopesToAllowWriting } from "@/lib/scopes";
import { askExist, currentPlace } from "./consent";
import { useGrantedScopes } from "./granted-scopes";

type AllowWritingButtonProps = {
  /** Exist's group name, e.g. `health`. */
  group: string;
  /** Its label ("Health and body"); default: the label in the attributes list the page holds. */
  label?: string;
  /** The element id to come back to (e.g. the group's heading); default: where the page is. */
  returnToId?: string;
  variant?: ButtonVariant;
  className?: string;
};

/**
 * "Allow writing Health and body": Exist's consent again, asking for the scopes already granted
 * plus the group's `_write`; back to the same place afterwards (or with "nothing changed").
 */
export function AllowWritingButton(props: AllowWritingButtonProps) {
  const granted = useGrantedScopes();
  const listed = useGroupLabel(props.group);
  const [pending, setPending] = useState(false);
  // It works through the script (it builds Exist's address): inactive until that has loaded.
  const hydrated = useHydrated();
  return (
    <Button
      variant={props.variant ?? "secondary"}
      className={props.className}
      aria-busy={pending}
      disabled={!hydrated}
      onClick={async () => {
        setPending(true);
        await askExist(currentPlace(props.returnToId), scopesToAllowWriting(granted, props.group));
      }}
    >
      Allow writing {props.label ?? listed}
    </Button>
  );
}
