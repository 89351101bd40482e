/**
 * Where a request's CPU time goes, from a V8 CPU profile (`node --cpu-prof`) of the production
 * server: each sample is put in one category by the frames on its stack (the first category in
 * CATEGORIES that any frame matches wins, so JSON.parse inside the session decoder counts as
 * session work), with the build's source maps naming the bundled files.
 */
import { readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
export type CpuProfile = {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
};

/**
 * In the order they win. `source` is the original file (through source maps), or the URL.
 * undici is Node's fetch and also Next's Request/Response objects: its frames (and those of
 * Node's HTTP client) count as calls to Exist only where neither Next.js nor our code is on the
 * stack (the client's own callbacks: the answer arriving, the connection freed).
 */
type Matcher = (source: string, fn: string, callerSource: string) => boolean;
const PROJECT = /^(\.\.\/)*(lib|app)\//;

const CATEGORIES: Array<{ name: string; match: Matcher }> = [
  {
    name: "session cookie (decode: hkdf, jose; zod of the JWT)",
    match: (source) =>
      /node_modules\/(jose|@panva\/hkdf|%40panva\/hkdf|next-auth)\//.test(source) ||
      /lib\/auth\/(cookie|session-jwt)\.ts$/.test(source),
  },
  {
    name: "proxy.ts (CSP, nonce, headers)",
    match: (source) => /(^|\/)proxy\.ts$|lib\/security\//.test(source),
  },
  {
    name: "logging",
    // The bundler inlines log.ts into its callers: a stream write called straight from our code
    // is the log line.
    match: (source, _, caller) =>
      /lib\/api\/log\.ts$|node:internal\/console\//.test(source) ||
      (source === "node:internal/streams/writable" && PROJECT.test(caller)),
  },
  {
    name: "zod validation (Exist's answers, request bodies)",
    match: (source) => source.includes("node_modules/zod/"),
  },
  {
    name: "JSON parse/stringify",
    match: (source, fn) =>
      (source === "" && /^(parse|stringify)$/.test(fn)) ||
      /^(parseJSONFromBytes|serializeJavascriptValueToJSONString)$/.test(fn),
  },
  {
    name: "calls to Exist (lib/exist, fetch)",
    // Not call-stats.ts: its AsyncLocalStorage.run() wraps the whole handler.
    match: (source) => /lib\/exist\/(?!call-stats)/.test(source),
  },
  {
    name: "our other code (handler, cache, routes)",
    match: (source) => PROJECT.test(source),
  },
  {
    name: "Next.js and React",
    match: (source) => /node_modules\/(next|react|react-dom|@next)\/|turbopack/.test(source),
  },
  {
    name: "calls to Exist (HTTP client callbacks)",
    match: (source) =>
      /^node:(internal\/deps\/undici\/undici|_http_client|_http_agent|https)$/.test(source),
  },
  {
    name: "Node.js (HTTP server, streams, async hooks)",
    match: (source) => source.startsWith("node:"),
  },
  { name: "garbage collector", match: (_, fn) => fn === "(garbage collector)" },
];
export const CATEGORY_NAMES = [...CATEGORIES.map(({ name }) => name), "other (native, V8)"];
const IDLE = new Set(["(idle)", "(root)"]);

/** Maps a bundled frame back to its original source file, with the chunk's source map. */
export class Sources {
  private readonly maps = new Map<string, SourceMap | null>();

  source(frame: CallFrame): string {
    const map = this.map(frame.url);
    if (!map) return frame.url;
    const entry = map.findEntry(frame.lineNumber, frame.columnNumber);
    return "originalSource" in entry ? entry.originalSource : frame.url;
  }

  private map(url: string): SourceMap | null {
    if (!url.includes("/.next") || !url.startsWith("file://")) return null;
    let map = this.maps.get(url);
    if (map === undefined) {
      try {
        map = new SourceMap(JSON.parse(readFileSync(`${fileURLToPath(url)}.map`, "utf8")));
      } catch {
        map = null;
      }
      this.maps.set(url, map);
    }
    return map;
  }
}

export function readProfile(path: string): CpuProfile {
  return JSON.parse(readFileSync(path, "utf8")) as CpuProfile;
}

/**
 * Samples per category between `from` and `to` (the profile's clock: CLOCK_MONOTONIC
 * in µs, the same as `process.hrtime.bigint() / 1000n` in another process on the same machine).
 */
export function categorize(profile: CpuProfile, from = 0, to = Infinity): Map<string, number> {
  const sources = new Sources();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);

  const rank = new Map<number, number>(); // node id → index in CATEGORIES (or -1)
  const rankOf = (id: number): number => {
    const known = rank.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const frame = node?.callFrame;
    const callerFrame = byId.get(parent.get(id) ?? -1)?.callFrame;
    const caller = callerFrame ? sources.source(callerFrame) : "";
    const own = frame
      ? CATEGORIES.findIndex(({ match }) =>
          match(sources.source(frame), frame.functionName, caller),
        )
      : -1;
    const up = parent.has(id) ? rankOf(parent.get(id) ?? 0) : -1;
    const result = own === -1 ? up : up === -1 ? own : Math.min(own, up);
    rank.set(id, result);
    return result;
  };

  const totals = new Map<string, number>(CATEGORY_NAMES.map((name) => [name, 0]));
  let time = profile.startTime;
  for (const [index, id] of profile.samples.entries()) {
    const delta = profile.timeDeltas[index] ?? 0;
    time += delta;
    if (time < from || time > to) continue;
    const fn = byId.get(id)?.callFrame.functionName ?? "";
    if (IDLE.has(fn)) continue;
    // Counted, not weighted by the time since the previous sample: on a busy machine that time
    // includes whatever ran while this process waited for a core.
    const name = CATEGORY_NAMES[rankOf(id)] ?? CATEGORY_NAMES[CATEGORY_NAMES.length - 1] ?? "";
    totals.set(name, (totals.get(name) ?? 0) + 1);
  }
  return totals;
}
