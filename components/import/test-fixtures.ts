/** The person the import page's tests import for: a few attributes, owned or not. */
import type { Attribute, ImportResponse } from "@/lib/api/contract";
import { makeAttribute, MOOD_GROUP } from "@/lib/attributes/test-fixtures";

export const METRIC = {
  distance: false,
  weight: false,
  energy: false,
  liquid: false,
  temperature: false,
};

const HEALTH = { name: "health", label: "Health", priority: 3 };

export const ATTRIBUTES: Attribute[] = [
  makeAttribute({
    ownedByApp: true,
    service: { name: "exist_ownership", label: "Exist Ownership" },
  }),
  makeAttribute({
    template: "weight",
    name: "weight",
    label: "Weight",
    group: HEALTH,
    value_type: 1,
    service: { name: "withings", label: "Withings" },
  }),
  makeAttribute({
    template: "mood",
    name: "mood",
    label: "Mood",
    group: MOOD_GROUP,
    value_type: 8,
    ownedByApp: true,
  }),
  makeAttribute({
    template: "mood_note",
    name: "mood_note",
    label: "Mood note",
    group: MOOD_GROUP,
    value_type: 2,
    ownedByApp: true,
  }),
  makeAttribute({
    template: null,
    name: "sleep",
    label: "Sleep",
    group: HEALTH,
    value_type: 3,
    ownedByApp: true,
  }),
];

/** An import's answer in its preview, with `overrides` (the preview's parts merged in). */
export function previewAnswer(overrides: Partial<ImportResponse> = {}): ImportResponse {
  return {
    id: "imp_1",
    status: "preview",
    fileName: "weights.csv",
    createdAt: "2026-03-20T10:00:00Z",
    preview: {
      attributes: [
        {
          name: "weight",
          label: "Weight",
          valueType: 1,
          ownedByApp: false,
          service: { name: "withings", label: "Withings" },
          new: 3,
          replace: 1,
          unchanged: 40,
          cannotEmpty: 2,
          replaceSample: [{ date: "2026-03-01", before: 72, after: 72.5 }],
        },
        {
          name: null,
          newTagLabel: "Meditated",
          label: "Meditated",
          valueType: 7,
          ownedByApp: true,
          service: null,
          new: 5,
          replace: 0,
          unchanged: 0,
          cannotEmpty: 0,
          replaceSample: [],
        },
      ],
      totals: { new: 8, replace: 1, unchanged: 40, cannotEmpty: 2, invalid: 2 },
      read: { method: "with-values", calls: 3 },
      writeCalls: 1560,
      callsPerWindow: 200,
      windowSeconds: 3600,
      estimatedSeconds: 2 * 3600 + 10 * 60,
    },
    progress: {
      total: 9,
      written: 0,
      refused: 0,
      calls: 0,
      waitingUntil: null,
      estimatedEnd: null,
    },
    report: null,
    problem: null,
    ...overrides,
  };
}
