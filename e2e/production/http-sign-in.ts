/**
 * Signing in over plain HTTP, as a browser would but without one: next-auth's sign-in POST, the
 * sandbox's consent form (first account offered unless told otherwise, every scope ticked),
 * then next-auth's callback. Ends with the session cookie and the attributes page loaded once,
 * so the app has done what a first visit makes it do (token exchange, profile, list, history).
 */

/** A cookie jar per origin, enough for next-auth's and the sandbox's cookies. */
class Jar {
  private readonly cookies = new Map<string, Map<string, string>>();

  take(url: string, response: Response): void {
    const origin = new URL(url).origin;
    const jar = this.cookies.get(origin) ?? new Map<string, string>();
    this.cookies.set(origin, jar);
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const at = pair.indexOf("=");
      jar.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
  }

  header(url: string): string {
    const jar = this.cookies.get(new URL(url).origin) ?? new Map<string, string>();
    return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

async function send(jar: Jar, url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const cookie = jar.header(url);
  if (cookie) headers.set("Cookie", cookie);
  const response = await fetch(url, {
    ...init,
    headers,
    redirect: "manual",
    signal: AbortSignal.timeout(30_000),
  });
  jar.take(url, response);
  return response;
}

function location(response: Response, base: string): string {
  const to = response.headers.get("location");
  if (!to) throw new Error(`expected a redirect from ${base}, got ${response.status}`);
  return new URL(to, base).toString();
}

/** Signs `account` in on the app at `appUrl`; resolves with the app's `Cookie` header value. */
export async function signInOverHttp(appUrl: string, account = "demo"): Promise<string> {
  const jar = new Jar();
  const csrf = await send(jar, `${appUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signIn = await send(jar, `${appUrl}/api/auth/signin/exist`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: appUrl },
    body: new URLSearchParams({ csrfToken, callbackUrl: `${appUrl}/attributes`, json: "true" }),
  });
  const authorizeUrl =
    signIn.status === 200
      ? new URL(((await signIn.json()) as { url: string }).url, appUrl).toString()
      : location(signIn, appUrl);
  const consent = await send(jar, authorizeUrl);
  const html = await consent.text();
  if (consent.status !== 200) throw new Error(`consent page: ${consent.status} ${html}`);
  const form = new URLSearchParams();
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    form.append(match[1] ?? "", decodeEntities(match[2] ?? ""));
  }
  for (const match of html.matchAll(/<input type="checkbox" name="grant" value="([^"]+)"/g)) {
    form.append("grant", decodeEntities(match[1] ?? ""));
  }
  form.append("account", account);
  form.append("decision", "allow");
  const allowed = await send(jar, new URL("/oauth2/authorize", authorizeUrl).toString(), {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: form,
  });
  const callback = await send(jar, location(allowed, authorizeUrl));
  const landing = location(callback, appUrl);
  if (new URL(landing).pathname !== "/attributes") {
    throw new Error(`sign-in ended on ${landing}, not /attributes`);
  }
  const page = await send(jar, landing);
  await page.text();
  if (page.status !== 200) throw new Error(`GET /attributes after sign-in: ${page.status}`);
  return jar.header(appUrl);
}

function decodeEntities(text: string): string {
  return text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}
