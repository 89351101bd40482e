/** The Import page in the browser: bad files refused with nothing sent, a wide CSV imported. */
import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { sandbox } from "../sandbox";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "../ui/helpers";
import { openAs, storedValue, UPDATE } from "../ui/write-helpers";

const SHOTS = "e2e/artifacts/import";

async function openImport(page: Page) {
  const session = await openAs(page, "demo");
  await page.getByRole("link", { name: "Import", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Import values" })).toBeVisible();
  return session;
}

const csv = (name: string, text: string) => ({
  name,
  mimeType: "text/csv",
  buffer: Buffer.from(text),
});

test("bad files each get their message, and nothing goes to Exist", async ({ page }) => {
  await openImport(page);
  await sandbox.clearRequests();
  const file = page.getByLabel("File", { exact: true });
  const cases: Array<[ReturnType<typeof csv>, RegExp]> = [
    [csv("empty.csv", ""), /The file is empty/],
    [
      {
        name: "book.xlsx",
        mimeType: "application/zip",
        buffer: Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0, 0, 1, 2]),
      },
      /Excel workbook or a ZIP archive/,
    ],
    [csv("latin.csv", ""), /not UTF-8/],
    [csv("nodate.csv", "name,value\nSteps,10\nSteps,12\n"), /No column of this file holds dates/],
    [
      csv("wide.csv", `${Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(",")}\n`),
      /at most 200/,
    ],
    [csv("line.csv", "x".repeat(5 * 1024 * 1024)), /characters long/],
    // 6.5 MB, well within 20 MB, but one row more than a file may have.
    [
      csv("rows.csv", `Date,Steps\n${"2020-01-01,1\n".repeat(500_001)}`),
      /The file has more than 500,000 rows of data: at most 500,000 can be imported at once/,
    ],
    [
      csv("big.csv", `Date,Note\n${`2020-01-01,${"x".repeat(1000)}\n`.repeat(21_000)}`),
      /The file is over 20 MB: at most 20 MB can be imported at once/,
    ],
  ];
  cases[2]![0].buffer = Buffer.concat([
    Buffer.from("Date,Note\n2020-01-01,caf"),
    Buffer.from([0xe9]),
    Buffer.from("\n"),
  ]);
  // Next's route announcer is an alert too: the refusal is the one that names the file.
  const refusal = page.getByRole("alert").filter({ hasText: "cannot be imported" });
  for (const [upload, message] of cases) {
    await file.setInputFiles(upload);
    await expect(refusal).toContainText(`${upload.name} cannot be imported`);
    await expect(refusal).toContainText(message);
    await expect(page.getByRole("button", { name: "Preview" })).toHaveCount(0);
  }
  const sent = (await sandbox.requests()).filter((request) => request.path.startsWith("/api/2/"));
  expect(sent).toEqual([]);
});

test("a file within the row limit but over an import's 500,000 values is refused at Preview, nothing sent", async ({
  page,
}) => {
  test.slow();
  await openImport(page);
  // 250,001 days from 1300-01-01 (all before today), two attributes: 500,002 values.
  const first = Date.UTC(1300, 0, 1);
  const rows = Array.from({ length: 250_001 }, (_, index) => {
    const day = new Date(first + index * 86_400_000).toISOString().slice(0, 10);
    return `${day},1000,3`;
  });
  await page
    .getByLabel("File", { exact: true })
    .setInputFiles(csv("years.csv", `Date,Steps,Floors\n${rows.join("\n")}\n`));
  await expect(page.getByText("Read years.csv: 250,001 rows.")).toBeVisible({ timeout: 30_000 });
  await page.getByRole("combobox", { name: "Steps column" }).selectOption("attribute:steps");
  await page.getByRole("combobox", { name: "Floors column" }).selectOption("attribute:floors");
  const posted: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posted.push(new URL(request.url()).pathname);
  });
  await sandbox.clearRequests();
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(
    page.getByText(
      "This file gives 500,002 values: at most 500,000 can be imported at once. Split it into " +
        "files of fewer days, or set some columns to Ignore.",
    ),
  ).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("region", { name: "Preview" })).toHaveCount(0);
  expect(posted).toEqual([]);
  expect(await sandbox.requests()).toEqual([]);
});

test("a wide CSV: mapping, preview, acquire, start, finished, and Exist holds the file's values", async ({
  page,
}) => {
  test.slow();
  const session = await openImport(page);
  await page.screenshot({ path: `${SHOTS}/1-empty.png`, fullPage: true });
  await page
    .getByLabel("File", { exact: true })
    .setInputFiles(
      csv(
        "steps.csv",
        "Date,Steps,Cells\n2020-01-01,1000,=SUM(A1)\n2020-01-02,2000,\n2020-01-03,abc,\n",
      ),
    );
  await expect(page.getByRole("combobox", { name: "Date column" })).toHaveValue("date");
  await expect(page.getByRole("combobox", { name: "Steps column" })).toHaveValue("attribute:steps");
  await page.getByRole("combobox", { name: "Cells column" }).selectOption("ignore");
  await expect(
    page.getByText(
      "1 cell starts like a spreadsheet formula (such as =SUM(…)): it is read as plain text, never run.",
    ),
  ).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/2-mapping.png`, fullPage: true });

  await sandbox.clearRequests();
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview).toContainText("2 new");
  await expect(preview).toContainText("0 to replace");
  await expect(preview).toContainText("0 unchanged");
  await expect(preview).toContainText("1 invalid");
  await expect(preview).toContainText("Row 4");
  expect(await sandbox.requests(UPDATE)).toEqual([]);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${SHOTS}/3-preview.png`, fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: `${SHOTS}/3-preview-375.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: `${SHOTS}/3-preview-dark-375.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByRole("button", { name: "Start import" }).click();
  const acquireDialog = page.getByRole("alertdialog", { name: "Acquire Steps?" });
  await expect(acquireDialog).toBeVisible();
  expect(await sandbox.requests(UPDATE)).toEqual([]);
  await acquireDialog.getByRole("button", { name: "Acquire", exact: true }).click();

  const finished = page.getByRole("region", { name: "Import finished" });
  await expect(finished).toBeVisible({ timeout: 30_000 });
  await expect(finished).toContainText("2 written");
  await page.screenshot({ path: `${SHOTS}/4-finished-dark.png`, fullPage: true });
  expect(await storedValue(session, "steps", "2020-01-01")).toBe(1000);
  expect(await storedValue(session, "steps", "2020-01-02")).toBe(2000);
  const calls = await sandbox.requests(UPDATE);
  expect(calls.map((call) => call.objects)).toEqual([2]);

  await page.getByRole("button", { name: "Undo this import" }).click();
  const undo = page.getByRole("alertdialog", { name: "Undo this import?" });
  await expect(undo).toContainText("cannot empty a day again");
  await page.screenshot({ path: `${SHOTS}/5-undo.png` });
  await undo.getByRole("button", { name: "Cancel" }).click();
});

test("an import that lost Exist's sign-in is shown stopped, on return too, and Resume finishes it", async ({
  page,
}) => {
  test.slow();
  await openImport(page);
  await page
    .getByLabel("File", { exact: true })
    .setInputFiles(csv("steps.csv", "Date,Steps\n2020-02-01,1000\n2020-02-02,2000\n"));
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("region", { name: "Preview" })).toContainText("2 new");
  // Exist refuses the job's sign-in, even after its refresh: the import stops, its token gone.
  await sandbox.clearRequests();
  await sandbox.fault({ path: UPDATE, status: 401, times: 2 });
  await page.getByRole("button", { name: "Start import" }).click();
  const acquire = page.getByRole("alertdialog", { name: "Acquire Steps?" });
  await acquire.getByRole("button", { name: "Acquire", exact: true }).click();
  const end = page.getByRole("region", { name: "Import finished" });
  await expect(end).toContainText("Import stopped", { timeout: 30_000 });
  await expect(end).toContainText("sign in again and resume the import");
  await expect(end.getByRole("button", { name: "Undo this import" })).toHaveCount(0);

  // Coming back later: the stopped import is the page's, with Resume.
  await page.reload();
  await expect(end).toContainText("Import stopped");
  await end.getByRole("button", { name: "Resume" }).click();
  await expect(end).toContainText("Import finished", { timeout: 30_000 });
  await expect(end).toContainText("2 written");
  // Refused twice (the call, and again after the refresh), then written once after Resume.
  const calls = await sandbox.requests(UPDATE);
  expect(calls.map((call) => call.status)).toEqual([401, 401, 200]);
  expect(calls.at(-1)?.objects).toBe(2);
});
