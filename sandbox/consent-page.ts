/**
 * The server-rendered pages of `/oauth2/authorize`: consent and errors. Self-contained (no external
 * assets), light and dark via `prefers-color-scheme`, one form with labelled controls.
 */
import { describeScope } from "./scopes";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const STYLE = `
:root { color-scheme: light dark; --bg: #f6f7f9; --card: #fff; --text: #1b1e23; --muted: #5a6270;
  --accent: #1f6feb; --accent-text: #fff; --border: #d0d5dd; }
@media (prefers-color-scheme: dark) { :root { --bg: #111418; --card: #1b2027; --text: #e8ebf0;
  --muted: #a3acb9; --accent: #58a6ff; --accent-text: #0b0f14; --border: #3a424d; } }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, sans-serif; background: var(--bg); color: var(--text); }
main { max-width: 32rem; margin: 2rem auto; padding: 1.5rem; background: var(--card);
  border: 1px solid var(--border); border-radius: 12px; }
h1 { font-size: 1.4rem; margin-top: 0; }
fieldset { border: 1px solid var(--border); border-radius: 8px; margin: 1rem 0; }
label { display: block; padding: .25rem 0; }
.actions { display: flex; gap: .75rem; margin-top: 1rem; }
button { font: inherit; padding: .5rem 1.25rem; border-radius: 8px; border: 1px solid var(--border);
  background: transparent; color: var(--text); cursor: pointer; }
button[value=allow] { background: var(--accent); color: var(--accent-text); border-color: var(--accent); }
button:focus-visible, input:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.muted { color: var(--muted); }`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – Exist sandbox</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`;
}

export function errorPage(message: string): string {
  return layout(
    "Authorisation error",
    `<h1>Authorisation error</h1><p role="alert">${escapeHtml(message)}</p>`,
  );
}

export type ConsentView = {
  clientName: string;
  scopes: readonly string[];
  accounts: ReadonlyArray<{ username: string; name: string }>;
  selected: string;
  /** Hidden fields the form posts back: response_type, client_id, redirect_uri, scope, state. */
  params: Readonly<Record<string, string>>;
};

export function consentPage(view: ConsentView): string {
  const hidden = Object.entries(view.params)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
    .join("");
  // Ticked by default; what is left ticked is what is granted (oauth.ts, grantedScopes).
  const scopes = view.scopes.map(
    (scope) =>
      `<label><input type="checkbox" name="grant" value="${escapeHtml(scope)}" checked> ${escapeHtml(
        describeScope(scope),
      )}</label>`,
  );
  const accounts = view.accounts.map(
    ({ username, name }) =>
      `<label><input type="radio" name="account" value="${escapeHtml(username)}"${
        username === view.selected ? " checked" : ""
      }> ${escapeHtml(username)} – ${escapeHtml(name)}</label>`,
  );
  const client = escapeHtml(view.clientName);
  return layout(
    `Authorise ${view.clientName}`,
    `<h1>Authorise ${client}</h1>
<p><strong>${client}</strong> would like to access your Exist account.</p>
<form method="post" action="/oauth2/authorize">${hidden}
<fieldset><legend>It will be able to</legend>${scopes.join("")}
<p class="muted">Untick anything you do not want to allow.</p></fieldset>
<fieldset><legend>Sign in as</legend>${accounts.join("")}</fieldset>
<p class="muted">This is the local Exist sandbox; no real account is used.</p>
<div class="actions"><button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny">Deny</button></div>
</form>`,
  );
}
