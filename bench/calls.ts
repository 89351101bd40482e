/**
 * Calls to Exist, counted from the sandbox's request log: what loading the attributes page's data
 * and a bulk acquire cost against Exist's 300-requests-an-hour limit.
 */
export type CallCounts = {
  account: string;
  attributes: number;
  owned: number;
  firstLoad: number;
  expectedFirstLoad: number;
  repeatLoad: number;
};

type LoggedRequest = { method: string; path: string; query: string; status: number };

export async function existCalls(sandboxUrl: string): Promise<LoggedRequest[]> {
  const response = await fetch(`${sandboxUrl}/__sandbox/requests`);
  const calls = (await response.json()) as LoggedRequest[];
  return calls.filter((call) => call.path.startsWith("/api/2/"));
}

export async function clearCalls(sandboxUrl: string): Promise<void> {
  await fetch(`${sandboxUrl}/__sandbox/requests`, { method: "DELETE" });
}

/** Counts the Exist calls of a first and a repeat `GET /api/attributes` for one account. */
export async function loadCalls(
  appUrl: string,
  sandboxUrl: string,
  account: string,
  cookie: string,
): Promise<CallCounts> {
  await clearCalls(sandboxUrl);
  const first = await fetch(`${appUrl}/api/attributes`, { headers: { Cookie: cookie } });
  if (!first.ok) throw new Error(`GET /api/attributes for ${account} → ${first.status}`);
  const body = (await first.json()) as { attributes: Array<{ ownedByApp: boolean }> };
  const firstLoad = (await existCalls(sandboxUrl)).length;

  await clearCalls(sandboxUrl);
  const repeat = await fetch(`${appUrl}/api/attributes`, { headers: { Cookie: cookie } });
  if (!repeat.ok) throw new Error(`repeat GET /api/attributes for ${account} → ${repeat.status}`);
  const repeatLoad = (await existCalls(sandboxUrl)).length;

  const attributes = body.attributes.length;
  const owned = body.attributes.filter((attribute) => attribute.ownedByApp).length;
  return {
    account,
    attributes,
    owned,
    firstLoad,
    expectedFirstLoad:
      Math.max(1, Math.ceil(attributes / 100)) + Math.max(1, Math.ceil(owned / 100)),
    repeatLoad,
  };
}
