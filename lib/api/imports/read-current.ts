/**
 * Exist's current values for the attributes and days of an import, read the cheaper way
 * (classify.ts's planRead), with the number of calls that took.
 */
import "server-only";
import type { Value } from "@/lib/api/contract";
import { planRead, storedForm, type ReadPlan } from "@/lib/api/imports/classify";
import type { ExistClient } from "@/lib/exist/client";

export type CurrentValues = {
  values: Map<string, Map<string, Value>>;
  read: { method: ReadPlan["method"]; calls: number };
};

/** At most this many of the reads go out at once. */
const PARALLEL = 4;

async function inParallel<T>(tasks: Array<() => Promise<T>>): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const lanes = Array.from({ length: Math.min(PARALLEL, tasks.length) }, async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await (tasks[index] as () => Promise<T>)();
    }
  });
  await Promise.all(lanes);
  return results;
}

/** `wanted`: per attribute name, the days whose values matter (the file's and its empty ones). */
export async function readCurrentValues(
  exist: ExistClient,
  wanted: ReadonlyMap<string, readonly string[]>,
): Promise<CurrentValues> {
  const plan = planRead(wanted);
  const values = new Map<string, Map<string, Value>>();
  for (const name of wanted.keys()) values.set(name, new Map());
  const keep = (name: string, date: string, value: Value | boolean | null) => {
    const stored = storedForm(value);
    if (stored !== null) values.get(name)?.set(date, stored);
  };
  let calls = 0;
  if (plan.method === "with-values") {
    const names = [...wanted.keys()];
    const answers = await inParallel(
      plan.windows.map((window) => () => exist.valuesWindow(names, window.dateMax, window.days)),
    );
    for (const answer of answers) {
      calls += answer.calls;
      for (const attribute of answer.attributes) {
        for (const day of attribute.values) keep(attribute.name, day.date, day.value);
      }
    }
  } else {
    const pages = await inParallel(
      [...wanted].map(([name, days]) => async () => {
        let [oldest, newest] = ["9999-12-31", "0000-01-01"];
        for (const date of days) {
          if (date < oldest) oldest = date;
          if (date > newest) newest = date;
        }
        // Newest first: page on until a page reaches back past the oldest day wanted.
        for (let page = 1; ; page += 1) {
          const answer = await exist.valuesPage(name, newest, page);
          calls += 1;
          for (const day of answer.results) keep(name, day.date, day.value);
          const last = answer.results.at(-1);
          if (answer.next === null || !last || last.date < oldest) return;
        }
      }),
    );
    void pages;
  }
  return { values, read: { method: plan.method, calls } };
}
