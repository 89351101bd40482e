/**
 * Exist's own attributes page, minimal: `GET /account/attributes/` lists the signed-in account's
 * attributes with an owner picker among each one's `available_services`, so the app's "Change
 * owner on Exist" link leads somewhere real in sandbox mode.
 *
 * Who is signed in: the `sandbox_account` cookie, set when a person clicks Allow on the consent
 * page, or by choosing an account on this page (`?account=heavy`). Plain HTML forms, no script.
 */
import { Hono, type Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { attributeJson, sortedAttributes } from "./attributes";
import { escapeHtml } from "./consent-page";
import type { SandboxState } from "./state";

export const ACCOUNT_COOKIE = "sandbox_account";

const STYLE = `
:root { color-scheme: light dark; --bg: #f6f7f9; --card: #fff; --text: #1b1e23; --muted: #5a6270;
  --accent: #1f6feb; --border: #d0d5dd; }
@media (prefers-color-scheme: dark) { :root { --bg: #111418; --card: #1b2027; --text: #e8ebf0;
  --muted: #a3acb9; --accent: #58a6ff; --border: #3a424d; } }
body { margin: 0; font: 16px/1.5 system-ui, sans-serif; background: var(--bg); color: var(--text); }
main { max-width: 48rem; margin: 2rem auto; padding: 1.5rem; background: var(--card);
  border: 1px solid var(--border); border-radius: 12px; }
table { width: 100%; border-collapse: collapse; } td, th { text-align: left; padding: .35rem .5rem;
  border-bottom: 1px solid var(--border); }
select, button { font: inherit; } .muted { color: var(--muted); }
button:focus-visible, select:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }`;

function layout(body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Attributes – Exist sandbox</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`;
}

/** Remembers who signed in, for this page (the consent page calls it on Allow). */
export function rememberAccount(c: Context, account: string): void {
  setCookie(c, ACCOUNT_COOKIE, account, { path: "/", httpOnly: true, sameSite: "Lax" });
}

function accountPicker(state: SandboxState, selected: string | undefined): string {
  const options = [...state.accounts.keys()].map(
    (name) =>
      `<option value="${escapeHtml(name)}"${name === selected ? " selected" : ""}>${escapeHtml(name)}</option>`,
  );
  return `<form method="get" action="/account/attributes/"><label>Account
<select name="account">${options.join("")}</select></label> <button type="submit">Show</button></form>`;
}

function ownerForm(
  record: ReturnType<typeof attributeJson>,
  owner: string | null,
  account: string,
): string {
  const label = escapeHtml(record.label);
  const options = record.available_services.map(
    (service) =>
      `<option value="${escapeHtml(service.name)}"${service.name === owner ? " selected" : ""}>${escapeHtml(service.label)}</option>`,
  );
  const none = `<option value=""${owner === null ? " selected" : ""}>No owner (inactive)</option>`;
  return `<form method="post" action="/account/attributes/">
<input type="hidden" name="account" value="${escapeHtml(account)}">
<input type="hidden" name="attribute" value="${escapeHtml(record.name)}">
<select name="service" aria-label="Owner of ${label}">${options.join("")}${none}</select>
<button type="submit" aria-label="Change owner of ${label}">Change</button></form>`;
}

export function createAccountPage(state: SandboxState) {
  const page = new Hono({ strict: false });

  page.get("/attributes", (c) => {
    const chosen = c.req.query("account");
    if (chosen && state.accounts.has(chosen)) rememberAccount(c, chosen);
    const username = chosen && state.accounts.has(chosen) ? chosen : getCookie(c, ACCOUNT_COOKIE);
    const account = username ? state.accounts.get(username) : undefined;
    if (!username || !account) {
      return c.html(
        layout(
          `<h1>Attributes</h1><p>Choose the sandbox account to show.</p>${accountPicker(state, undefined)}`,
        ),
      );
    }
    const rows = sortedAttributes(account.attributes.values()).map((record) => {
      const json = attributeJson(record, state.services);
      return `<tr><td>${escapeHtml(json.label)}</td><td>${escapeHtml(json.group.label)}</td>
<td>${ownerForm(json, record.service, username)}</td></tr>`;
    });
    const notice = c.req.query("changed");
    return c.html(
      layout(`<h1>Attributes</h1>
<p>Signed in as <strong>${escapeHtml(username)}</strong> (the Exist sandbox). Each attribute's owner
is the one service that may write its data.</p>
${accountPicker(state, username)}
${notice ? `<p role="status">${escapeHtml(notice)}</p>` : ""}
<table><thead><tr><th>Attribute</th><th>Group</th><th>Owner</th></tr></thead>
<tbody>${rows.join("")}</tbody></table>`),
    );
  });

  page.post("/attributes", async (c) => {
    const form = await c.req.parseBody();
    const username = String(form.account ?? "");
    const account = state.accounts.get(username);
    const record = account?.attributes.get(String(form.attribute ?? ""));
    if (!account || !record) return c.html(layout("<p role=alert>No such attribute.</p>"), 404);
    const service = String(form.service ?? "") || null;
    if (service !== null && !record.availableServices.includes(service)) {
      return c.html(layout("<p role=alert>That service cannot supply this attribute.</p>"), 400);
    }
    record.service = service;
    record.active = service !== null;
    const owner = service === null ? "no owner" : (state.services.get(service)?.label ?? service);
    const changed = `${record.label} is now owned by ${owner}.`;
    return c.redirect(`/account/attributes/?changed=${encodeURIComponent(changed)}`, 303);
  });

  return page;
}
