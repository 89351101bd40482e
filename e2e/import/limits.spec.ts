/**
 * The server's limits on an import (lib/validations/imports.ts): a planned file of more than 200
 * attributes, more than 500,000 values, or a body over 40 MiB is refused with an error envelope
 * naming the limit; nothing is stored (no import under way) and nothing reaches Exist. The page
 * refuses such a file before it sends anything (lib/import/limits.ts); these are the answers to a
 * client that sends one anyway.
 */
import { MAX_IMPORT_BODY_BYTES } from "../../lib/validations/imports";
import { call, SAME_ORIGIN } from "../api/http";
import { expect, httpTest as test } from "../fixtures";
import { sealSession } from "../session";
import { wideDraft, type Column } from "./helpers";

const JSON_POST = { ...SAME_ORIGIN, "Content-Type": "application/json" };

/** `count` distinct days, ascending, from 1500-01-01 (none after today). */
function days(count: number): string[] {
  const first = Date.UTC(1500, 0, 1);
  return Array.from({ length: count }, (_, index) =>
    new Date(first + index * 86_400_000).toISOString().slice(0, 10),
  );
}

const column = (index: number, values: number): Column => ({
  name: `custom_${index}`,
  label: `Custom ${index}`,
  valueType: 0,
  values: Array.from({ length: values }, () => 1),
});

/** POSTs `body` (JSON text or a stream) as the person; then nothing is stored, nothing sent. */
async function refused(account: string, body: string | ReadableStream<Uint8Array>) {
  const { cookie } = await sealSession(account);
  const answer = await call("/api/imports", { method: "POST", cookie, headers: JSON_POST, body });
  const current = await call("/api/imports/current", { cookie });
  expect(current.status, "no import stored").toBe(404);
  return answer;
}

test("a planned file of 201 attributes is refused: at most 200", async ({
  sandbox,
  ownAccount,
}) => {
  const draft = wideDraft(
    "wide.csv",
    days(1),
    Array.from({ length: 201 }, (_, index) => column(index, 1)),
  );
  await sandbox.clearRequests();
  const answer = await refused(ownAccount, JSON.stringify(draft));
  expect(answer.status).toBe(422);
  expect(answer.body).toEqual({
    error: {
      code: "validation_failed",
      message: "attributes: at most 200 attributes per import",
    },
  });
  expect(await sandbox.requests()).toEqual([]);
});

test("a planned file of 500,001 values is refused: at most 500,000", async ({
  sandbox,
  ownAccount,
}) => {
  test.setTimeout(60_000);
  // Three attributes, 166,667 values each: every attribute within the limit, not all three.
  const dates = days(166_667);
  const columns = [0, 1, 2].map((index) => column(index, dates.length));
  const text = JSON.stringify(wideDraft("long.csv", dates, columns));
  // Over the 10 MB Next.js passes through its proxy by default: the route must see all of it.
  expect(text.length).toBeGreaterThan(10 * 1024 * 1024);
  await sandbox.clearRequests();
  const answer = await refused(ownAccount, text);
  expect(answer.status).toBe(422);
  expect(answer.body).toEqual({
    error: {
      code: "validation_failed",
      message: "attributes: at most 500,000 values per import, not 500,001",
    },
  });
  expect(await sandbox.requests()).toEqual([]);
});

/** A draft whose file name pads the body's JSON to `bytes` bytes. */
function paddedBody(bytes: number): string {
  const draft = JSON.stringify(wideDraft("", days(1), [column(0, 1)]));
  return draft.replace('"fileName":""', `"fileName":"${"x".repeat(bytes - draft.length)}"`);
}

test("a body over 40 MiB is refused, whether its length is declared or not", async ({
  sandbox,
  ownAccount,
}) => {
  test.setTimeout(60_000);
  const expected = {
    error: { code: "payload_too_large", message: "The body may be at most 40 MiB." },
  };
  const declared = paddedBody(MAX_IMPORT_BODY_BYTES + 1);
  expect(Buffer.byteLength(declared)).toBe(MAX_IMPORT_BODY_BYTES + 1);
  await sandbox.clearRequests();
  const first = await refused(ownAccount, declared);
  expect(first.status).toBe(413);
  expect(first.body).toEqual(expected);

  // Sent in chunks without Content-Length: the route counts what arrives.
  const chunk = new TextEncoder().encode("x".repeat(1024 * 1024));
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === 0) controller.enqueue(new TextEncoder().encode('{"fileName":"'));
      if (sent >= 48) return controller.close();
      sent += 1;
      controller.enqueue(chunk);
    },
  });
  const second = await refused(ownAccount, stream);
  expect(second.status).toBe(413);
  expect(second.body).toEqual(expected);
  expect(await sandbox.requests()).toEqual([]);
});
