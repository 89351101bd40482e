/**
 * Exist's API v2, as far as this app uses it: https://developer.exist.io/reference/
 * Every route needs a bearer token and counts against the token's hourly rate limit. The write
 * endpoints (acquire, release, update, increment, create) take a JSON array of at most 35 objects
 * and answer `{ success, failed }`: 200 when all succeeded, 202 when some failed.
 * Routes are written without the trailing slash Exist uses: with `strict: false` Hono then
 * serves both spellings (a route written with the slash would match neither).
 */
import { Hono, type Context } from "hono";
import { attributeJson } from "./attributes";
import { TEMPLATES, templateJson } from "./catalogue";
import { createOne } from "./create";
import { MAX_OBJECTS } from "./exist-facts";
import { incrementOne } from "./increment";
import { filterAttributes, filterTemplates } from "./list-filters";
import { listValues } from "./list-values";
import { bearerAuth, type ApiEnv } from "./middleware";
import { acquireOne, releaseOne, type Outcome, type OwnershipContext } from "./ownership";
import { paginate, readFlag } from "./paging";
import { profileJson } from "./profile";
import { updateOne } from "./update";
import { localDate } from "./values";
import { withValues } from "./with-values";
import { originFor, type SandboxState } from "./state";

type Parsed = { ok: true; items: unknown[] } | { ok: false; detail: string };

export function parseObjectList(text: string): Parsed {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return { ok: false, detail: `JSON parse error - ${(error as Error).message}` };
  }
  if (!Array.isArray(body)) {
    const type = body === null ? "null" : typeof body === "object" ? "dict" : typeof body;
    return { ok: false, detail: `Expected a list of items but got type "${type}".` };
  }
  if (body.length > MAX_OBJECTS) {
    return {
      ok: false,
      detail: `Ensure this list has no more than ${MAX_OBJECTS} objects (got ${body.length}).`,
    };
  }
  return { ok: true, items: body };
}

export function createApi(state: SandboxState) {
  const api = new Hono<ApiEnv>({ strict: false });
  api.use("*", bearerAuth(state));

  const accountOf = (c: Context<ApiEnv>) => {
    const account = state.accounts.get(c.get("token").account);
    if (!account) throw new Error("token for an unknown account");
    return account;
  };

  /** Who asks: what the token may read and write, and the app's own service. */
  const callerOf = (c: Context<ApiEnv>) => ({
    scopes: new Set(c.get("token").scopes),
    ownService: state.client.serviceName,
  });

  /** What a read of values needs: who asks, the sandbox's clock and its services. */
  const readerOf = (c: Context<ApiEnv>) => ({
    ...callerOf(c),
    now: state.now(),
    services: state.services,
  });

  const page = <T>(c: Context<ApiEnv>, items: readonly T[]) => {
    const body = paginate(items, c.req.url, originFor(state, c.req.url));
    return body ? c.json(body) : c.json({ detail: "Invalid page." }, 404);
  };

  const listAttributes = (c: Context<ApiEnv>, ownedOnly: boolean) => {
    const context = { ...callerOf(c), ownedOnly };
    const records = filterAttributes(accountOf(c).attributes.values(), c.req.query(), context);
    return page(
      c,
      records.map((record) => attributeJson(record, state.services)),
    );
  };

  const handleObjectList = async (
    c: Context<ApiEnv>,
    changeOne: (sent: unknown, index: number, context: OwnershipContext) => Outcome,
  ) => {
    const parsed = parseObjectList(await c.req.text());
    if (!parsed.ok) return c.json({ detail: parsed.detail }, 400);
    const account = accountOf(c);
    const context: OwnershipContext = {
      account,
      today: localDate(account.profile.timezone, state.now()),
      ...callerOf(c),
      services: state.services,
      successObjects: readFlag(c.req.query("success_objects")) === true,
    };
    const outcomes = parsed.items.map((sent, index) => changeOne(sent, index, context));
    const success = outcomes.filter((outcome) => outcome.ok).map((outcome) => outcome.item);
    const failed = outcomes.filter((outcome) => !outcome.ok).map((outcome) => outcome.item);
    return c.json({ success, failed }, failed.length ? 202 : 200);
  };

  api.get("/accounts/profile", (c) =>
    c.json(profileJson(accountOf(c).profile, originFor(state, c.req.url), state.now())),
  );
  api.get("/attributes", (c) => listAttributes(c, false));
  api.get("/attributes/owned", (c) => listAttributes(c, true));
  api.get("/attributes/with-values", (c) =>
    page(c, withValues(accountOf(c), c.req.query(), readerOf(c))),
  );
  api.get("/attributes/templates", (c) =>
    page(c, filterTemplates(TEMPLATES, c.req.query()).map(templateJson)),
  );
  // `allow_user_defined` (older docs) is accepted and has no effect: `name` acquires any attribute.
  api.post("/attributes/acquire", (c) => handleObjectList(c, acquireOne));
  api.post("/attributes/release", (c) => handleObjectList(c, releaseOne));
  api.post("/attributes/update", (c) => handleObjectList(c, updateOne));
  api.post("/attributes/increment", (c) => handleObjectList(c, incrementOne));
  api.post("/attributes/create", (c) => handleObjectList(c, createOne));
  api.get("/attributes/values", (c) => {
    const listed = listValues(accountOf(c), c.req.query(), readerOf(c));
    return listed.ok ? page(c, listed.values) : c.json({ detail: listed.detail }, listed.status);
  });
  return api;
}
