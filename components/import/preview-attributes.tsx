import type { Attribute, ImportAttributePreview, Units } from "@/lib/api/contract";
import { formatValue } from "@/lib/attributes/format";
import { keyOf } from "@/lib/values/rules";
import { targetKey } from "@/lib/import/types";
import { VALUE_TYPE } from "@/lib/values/value-types";
import { PreviewCounts } from "./preview-counts";
import { badgeClass, mutedClass } from "./styles";
import { ownerText } from "./targets";

type PreviewAttributesProps = {
  attributes: readonly ImportAttributePreview[];
  known: readonly Attribute[];
  units: Units;
  /** By targetKey: the attribute's cells that gave no value. */
  invalidByKey?: Readonly<Record<string, number>>;
};

/** The plan's key (targetKey) of a previewed attribute. */
const keyOfPreview = (item: ImportAttributePreview) =>
  targetKey(
    item.name === null
      ? { kind: "new-tag", label: item.newTagLabel ?? "" }
      : { kind: "attribute", name: item.name },
  );

function Sample({
  item,
  known,
  units,
}: {
  item: ImportAttributePreview;
  known: readonly Attribute[];
  units: Units;
}) {
  if (item.replaceSample.length === 0) return null;
  const attribute = known.find((a) => a.name === item.name);
  const key = attribute ? keyOf(attribute) : (item.name ?? "");
  // Texts in quotes: a note's before and after would otherwise read as one sentence.
  const show = (value: ImportAttributePreview["replaceSample"][number]["before"]) =>
    item.valueType === VALUE_TYPE.string
      ? `“${formatValue(value, item.valueType, key, units)}”`
      : formatValue(value, item.valueType, key, units);
  return (
    <ul aria-label={`${item.label}: values to replace`} className={`${mutedClass} mt-1`}>
      {item.replaceSample.map(({ date, before, after }) => (
        <li key={date} className="tabular-nums">
          {date}: {show(before)} → {show(after)}
        </li>
      ))}
    </ul>
  );
}

/** Each attribute's counts, who it is acquired from or that it is created, and a sample. */
export function PreviewAttributes(props: PreviewAttributesProps) {
  const { attributes, known, units, invalidByKey } = props;
  return (
    <ul aria-label="By attribute" className="mt-3 divide-y divide-slate-200 dark:divide-slate-800">
      {attributes.map((item) => {
        const attribute = known.find((a) => a.name === item.name);
        return (
          <li key={item.name ?? `new:${item.newTagLabel}`} className="py-2">
            <p className="flex flex-wrap items-center gap-2 font-medium">
              {item.label}
              {item.name === null ? (
                <span className={badgeClass("indigo")}>Will be created as a daily tag</span>
              ) : !item.ownedByApp ? (
                <span className={badgeClass("amber")}>
                  Will be acquired from{" "}
                  {attribute ? ownerText(attribute) : (item.service?.label ?? "no service")}
                </span>
              ) : null}
            </p>
            <PreviewCounts
              counts={{
                new: item.new,
                replace: item.replace,
                unchanged: item.unchanged,
                cannotEmpty: item.cannotEmpty,
                ...(invalidByKey ? { invalid: invalidByKey[keyOfPreview(item)] ?? 0 } : {}),
              }}
            />
            <Sample item={item} known={known} units={units} />
          </li>
        );
      })}
    </ul>
  );
}
