import { expect, test } from "../fixtures";
import { APP_URL } from "../env";
import { sealChunkedCookies, sealSession } from "../session";
import { attributeRow, attributeSwitch, dialog } from "./helpers";

test("a session cookie over 4 KB in chunks: the page loads signed in and a change goes through", async ({
  page,
}) => {
  const { token } = await sealSession("demo");
  const name = `Demo ${"Longname-".repeat(450)}User`;
  const chunks = await sealChunkedCookies({ ...token, name });
  expect(chunks.length).toBeGreaterThan(1);
  await page.context().addCookies(
    chunks.map((chunk) => {
      const [cookieName = "", ...value] = chunk.split("=");
      return { name: cookieName, value: value.join("="), url: APP_URL };
    }),
  );
  const response = await page.goto("/attributes");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("banner")).toContainText("Longname-Longname-");
  await attributeSwitch(page, "Steps").click();
  const confirm = dialog(page, "Acquire Steps?");
  await confirm.getByRole("button", { name: "Acquire", exact: true }).click();
  await expect(confirm).toBeHidden();
  await expect(attributeRow(page, "Steps")).toContainText("Owned by this app");
});
