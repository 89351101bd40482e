import { describe, expect, it } from "vitest";
import { METRIC, template } from "@/lib/values/test-fixtures";
import { connectImportWorker, WORKER_STOPPED, type WorkerPort } from "./import-worker";
import { MAX_FILE_BYTES, MAX_ROWS } from "./limits";
import type { ImportProgress, WorkerMessage, WorkerRequest } from "./protocol";
import { plannedValues } from "./planned";
import { suggestMapping } from "./suggest";
import { WIDE_DMY } from "./test-fixtures";
import { createImportSession } from "./worker-session";

/**
 * The worker's session behind a port, as a real worker would be: messages cloned both ways
 * (so what crosses must be cloneable) and delivered later, never in the same call.
 */
function fakeWorker() {
  const port: WorkerPort & { terminated: boolean; requests: WorkerRequest[] } = {
    onmessage: null,
    onerror: null,
    terminated: false,
    requests: [],
    postMessage(request) {
      const copy = structuredClone(request);
      port.requests.push(copy);
      setTimeout(() => void session.handle(copy), 0);
    },
    terminate() {
      port.terminated = true;
    },
  };
  const session = createImportSession((message: WorkerMessage, transfer?: Transferable[]) => {
    const copy = structuredClone(message, { transfer });
    setTimeout(() => port.onmessage?.(new MessageEvent("message", { data: copy })), 0);
  });
  return port;
}

const CONTEXT = {
  attributes: [template("steps"), template("weight"), template("sleep")],
  units: METRIC,
  today: "2026-03-10",
  timezone: "Europe/London",
};

const file = (...parts: BlobPart[]) => new Blob(parts, { type: "text/csv" });

describe("the import worker, through its messages", () => {
  it("parses a file, reporting progress, then plans it from a mapping", async () => {
    const worker = connectImportWorker(fakeWorker());
    const progress: ImportProgress[] = [];
    const answer = await worker.parse(file(WIDE_DMY), (p) => progress.push(p));
    if (!answer.ok) throw new Error(answer.issue.message);
    expect(answer.summary).toMatchObject({ layout: "wide", rowCount: 4, dateFormats: ["dmy"] });
    expect(progress).toEqual([
      { stage: "reading", fraction: 0 },
      { stage: "parsing", fraction: 1, rows: 5 },
    ]);
    const mapping = suggestMapping(answer.summary, CONTEXT.attributes, METRIC);
    const planning: ImportProgress[] = [];
    const plan = await worker.plan(mapping, CONTEXT, (p) => planning.push(p));
    expect(
      plan.attributes.map((planned) => ({ key: planned.key, values: plannedValues(planned) })),
    ).toEqual([
      { key: "weight", values: [72.801575, 73.481964] },
      { key: "steps", values: [8000, 10500] },
      { key: "sleep", values: [450, 452] },
      { key: "new-tag:meditated", values: [1, 1] },
    ]);
    expect(plan.invalidCount).toBe(1);
    expect(planning).toEqual([
      { stage: "planning", fraction: 0 },
      { stage: "planning", fraction: 1 },
    ]);
  });

  it("reads a long file again with the columns the person chose", async () => {
    const worker = connectImportWorker(fakeWorker());
    const text =
      "date,attribute,value,kind\n2026-03-01,10,Steps,Weight\n2026-03-02,12,Steps,Weight\n";
    const answer = await worker.parse(file(text));
    if (!answer.ok) throw new Error(answer.issue.message);
    expect(answer.summary.keys.map((key) => key.key)).toEqual(["10", "12"]);
    const again = await worker.columns({ keyColumn: 3, valueColumn: 1 });
    if (!again.ok) throw new Error(again.issue.message);
    expect(again.summary).toMatchObject({ layout: "long", keyColumn: 3, valueColumn: 1 });
    const mapping = suggestMapping(again.summary, CONTEXT.attributes, METRIC);
    const plan = await worker.plan(mapping, CONTEXT);
    expect(plan.attributes.map((planned) => [planned.key, plannedValues(planned)])).toEqual([
      ["weight", [10, 12]],
    ]);
  });

  it("gives each bad file its message, and keeps nothing to plan from", async () => {
    const worker = connectImportWorker(fakeWorker());
    const header = Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(",");
    const cases: Array<[Blob, string, string]> = [
      [file(""), "empty", "The file is empty."],
      [file(new Uint8Array(MAX_FILE_BYTES + 1)), "too_large", "The file is over 20 MB"],
      [file(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0])), "binary", "This is an Excel workbook"],
      [
        file(new Uint8Array([0x00, 0x01, 0x02, 0x61, 0x62, 0x63])),
        "binary",
        "This is not a text file",
      ],
      [
        file(new Uint8Array([0xff, 0xfe, 0x64, 0, 0x61, 0])),
        "utf16",
        "This file is saved as UTF-16",
      ],
      [file(new Uint8Array([0x64, 0x2c, 0xe9, 0x0a])), "not_utf8", "This file is not UTF-8 text"],
      [file("date,steps\n"), "no_data_rows", "The file has a header row but no rows of data."],
      [file("name,steps\nann,3\n"), "no_date_column", "No column of this file holds dates."],
      [file(`${header}\n2026-03-01`), "too_many_columns", "Row 1 has 10,000 columns"],
      [file("x".repeat(5 * 1024 * 1024)), "row_too_long", "Row 1 is 5,242,880 characters long"],
      [file('date,note\n2026-03-01,"open\n'), "unclosed_quote", 'Row 2 has a quote (")'],
      [
        file("date,steps\n", "2026-03-01,1\n".repeat(MAX_ROWS + 1)),
        "too_many_rows",
        "The file has more than 500,000 rows",
      ],
    ];
    for (const [blob, code, start] of cases) {
      const answer = await worker.parse(blob);
      expect(answer.ok, code).toBe(false);
      if (answer.ok) continue;
      expect(answer.issue.code, start).toBe(code);
      expect(answer.issue.message.startsWith(start), answer.issue.message).toBe(true);
      await expect(worker.plan(suggestMapping(fakeSummary(), [], METRIC), CONTEXT)).rejects.toThrow(
        "No file has been read yet: choose a file first",
      );
    }
  }, 20_000);

  it("never reads a file over the limit", async () => {
    const huge = file(new Uint8Array(MAX_FILE_BYTES + 1));
    let read = false;
    huge.arrayBuffer = () => ((read = true), Promise.resolve(new ArrayBuffer(0)));
    const answers: WorkerMessage[] = [];
    await createImportSession((message) => answers.push(message)).handle({
      id: 7,
      type: "parse",
      file: huge,
    });
    expect(read).toBe(false);
    expect(answers).toEqual([
      {
        id: 7,
        type: "parsed",
        answer: {
          ok: false,
          issue: {
            code: "too_large",
            message:
              "The file is over 20 MB: at most 20 MB can be imported at once. Split it into smaller files.",
          },
        },
      },
    ]);
  });

  it("rejects what is waiting when the worker stops or is stopped", async () => {
    const port = fakeWorker();
    const worker = connectImportWorker(port);
    const waiting = worker.parse(file(WIDE_DMY));
    port.onerror?.({} as ErrorEvent);
    await expect(waiting).rejects.toThrow(WORKER_STOPPED);
    const second = worker.parse(file(WIDE_DMY));
    worker.terminate();
    await expect(second).rejects.toThrow(WORKER_STOPPED);
    expect(port.terminated).toBe(true);
  });
});

function fakeSummary() {
  return {
    delimiter: ",",
    hasHeader: true,
    rowCount: 1,
    firstRow: 2,
    columns: [],
    sample: [],
    source: "spreadsheet",
    layout: "wide",
    dateColumn: 0,
    keyColumn: null,
    valueColumn: null,
    dateFormats: ["iso"],
    decimalComma: false,
    keys: [],
    daylio: null,
    formulaCells: 0,
  } as const satisfies Parameters<typeof suggestMapping>[0];
}
