"use client";

import { useCallback, useMemo, useState } from "react";
import type { Attribute } from "@/lib/attributes/types";

/** Which rows are selected for a bulk change; names that leave the list drop out. */
export function useSelection(attributes: readonly Attribute[], shown: readonly Attribute[]) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());

  const selectedAttributes = useMemo(
    () => attributes.filter((attribute) => selected.has(attribute.name)),
    [attributes, selected],
  );

  const toggle = useCallback((name: string, on: boolean) => {
    setSelected((previous) => {
      const next = new Set(previous);
      if (on) next.add(name);
      else next.delete(name);
      return next;
    });
  }, []);

  const selectShown = (on: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      for (const attribute of shown) {
        if (on) next.add(attribute.name);
        else next.delete(attribute.name);
      }
      return next;
    });

  return {
    selected,
    selectedAttributes,
    allShownSelected: shown.length > 0 && shown.every((attribute) => selected.has(attribute.name)),
    toggle,
    selectShown,
    clear: () => setSelected(new Set()),
    keepOnly: (names: readonly string[]) => setSelected(new Set(names)),
  };
}
