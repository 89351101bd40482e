/**
 * Security headers on pages and API answers, the CSP's nonce on every script Next.js renders,
 * the session cookie's attributes, and the pages still working under the CSP (the fixture fails
 * any test whose pages reported a CSP violation).
 */
import { APP_URL, SANDBOX_URL } from "../env";
import { expect, test } from "../fixtures";
import { call, post } from "../api/http";
import { SESSION_COOKIE, sealSession } from "../session";

const STATIC_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  "x-frame-options": "DENY",
};

/** The CSP's directives, and the nonce in its script-src. */
function parseCsp(headers: Headers) {
  const csp = headers.get("content-security-policy") ?? "";
  const directives = new Map(
    csp.split(";").map((part) => {
      const [name = "", ...values] = part.trim().split(/\s+/);
      return [name, values.join(" ")] as const;
    }),
  );
  const nonce = /'nonce-([^']+)'/.exec(directives.get("script-src") ?? "")?.[1];
  return { directives, nonce };
}

function expectSecurityHeaders(headers: Headers) {
  for (const [name, value] of Object.entries(STATIC_HEADERS)) expect(headers.get(name)).toBe(value);
  // The app is served over http in tests: no HSTS (the https variant is a unit test).
  expect(headers.get("strict-transport-security")).toBeNull();
  const { directives, nonce } = parseCsp(headers);
  expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  expect(directives.get("script-src")).toBe(`'self' 'nonce-${nonce}' 'strict-dynamic'`);
  expect(directives.get("script-src")).not.toContain("unsafe-inline");
  expect(directives.get("frame-ancestors")).toBe("'none'");
  expect(directives.get("img-src")).toBe(`'self' data: blob: ${SANDBOX_URL}`);
  expect(directives.get("connect-src")).toBe("'self'");
  expect(directives.get("form-action")).toBe("'self'");
  expect(directives.get("base-uri")).toBe("'self'");
  expect(directives.get("object-src")).toBe("'none'");
}

test("pages: the headers, a new nonce per request, and that nonce on every script", async () => {
  const { cookie } = await sealSession("demo");
  const nonces = new Set<string>();
  for (const [path, session] of [
    ["/", undefined],
    ["/?error=AccessDenied", undefined],
    ["/attributes", cookie],
    ["/no-such-page", undefined],
  ] as const) {
    const answer = await call(path, { cookie: session });
    expect([200, 404], path).toContain(answer.status);
    expectSecurityHeaders(answer.headers);
    const { nonce } = parseCsp(answer.headers);
    nonces.add(nonce ?? "");
    const scripts = [...answer.text.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const script of scripts) expect(script, path).toContain(`nonce="${nonce}"`);
  }
  expect(nonces.size).toBe(4);
});

test("API answers carry the same headers, errors and redirects included", async () => {
  const { cookie } = await sealSession("demo");
  const answers = [
    await call("/api/attributes", { cookie }),
    await call("/api/attributes"),
    await post("/api/attributes/acquire", [{ name: "mood" }], cookie),
    await post("/api/attributes/release", [{ name: "mood" }], cookie, {
      Origin: "https://evil.example",
    }),
    await call("/api/nothing-here"),
    await call("/api/auth/session", { cookie }),
    await call("/api/auth/signin"),
  ];
  expect(answers.map((answer) => answer.status)).toEqual([200, 401, 200, 403, 404, 200, 302]);
  for (const answer of answers) expectSecurityHeaders(answer.headers);
});

test("the session cookie is HttpOnly, SameSite=Lax, host-only on http, and never readable by scripts", async ({
  signedInPage: page,
}) => {
  const cookies = await page.context().cookies(APP_URL);
  const session = cookies.find((item) => item.name === SESSION_COOKIE);
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false, path: "/" });
  // next-auth's other cookies too.
  for (const item of cookies.filter((entry) => entry.name.startsWith("next-auth."))) {
    expect(item, item.name).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  }
  expect(await page.evaluate(() => document.cookie)).not.toContain(SESSION_COOKIE);
});

test("under the CSP the page hydrates: avatar from Exist's host shown, a switch toggles", async ({
  signedInPage: page,
  sandbox,
}) => {
  const avatar = page.locator("header img");
  await expect(avatar).toHaveAttribute("src", `${SANDBOX_URL}/avatars/demo.svg`);
  await expect
    .poll(() => avatar.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth))
    .toBeGreaterThan(0);

  const mood = page.getByRole("switch", { name: "Mood", exact: true });
  await expect(mood).toBeEnabled(); // disabled until React has hydrated the page
  await expect(mood).not.toBeChecked();
  await mood.click();
  const confirm = page.getByRole("alertdialog", { name: "Acquire Mood?" });
  await confirm.getByRole("button", { name: "Acquire", exact: true }).click();
  await expect(confirm).toBeHidden();
  await expect(mood).toBeChecked();
  const stored = (await sandbox.state("demo")).find((item) => item.name === "mood");
  expect(stored?.service?.name).toBe("exist_ownership");

  // Sign-out (fetch, then navigation) still works under form-action/connect-src 'self'.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("button", { name: "Sign in with Exist" })).toBeVisible();
});

test("the CSP refuses what it should, and the fixture sees it: a foreign image, being framed", async ({
  page,
  cspViolations,
}) => {
  await page.goto("/");
  const loaded = await page.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        const image = document.createElement("img");
        image.onload = () => resolve(true);
        image.onerror = () => resolve(false);
        image.src = "https://evil.example/pixel.png";
        document.body.append(image);
      }),
  );
  expect(loaded).toBe(false);
  await expect
    .poll(() => cspViolations.join("\n"))
    .toContain("img-src blocked https://evil.example");

  // Framed by another page: frame-ancestors 'none' keeps the app out of the frame.
  await page.setContent(`<iframe src="${APP_URL}/" title="app"></iframe>`);
  await expect.poll(() => cspViolations.join("\n")).toMatch(/frame-ancestors/);
  const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
  expect(
    await frame
      ?.locator("body")
      .textContent()
      .catch(() => ""),
  ).not.toContain("Sign in with Exist");
  cspViolations.length = 0; // expected here; the fixture checks for any others
});
