import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXTERNAL_PACKAGES, PRELOAD, preloadFlag, unloadable, writePreload } from "./standalone";

const ACCESS = "0123456789abcdef0123456789abcdef01234567";
let dir = "";

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "exist-ownership-preload-"));
  writePreload(path.resolve(import.meta.dirname, ".."), dir);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `script` run by Node with the production preload, as `start:prod` runs server.js. */
function run(script: string, logFormat: string) {
  const result = spawnSync(process.execPath, [preloadFlag(dir), "-e", script], {
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", LOG_FORMAT: logFormat },
    encoding: "utf8",
  });
  const lines = (text: string) => text.split("\n").filter(Boolean);
  return { status: result.status, stdout: lines(result.stdout), stderr: lines(result.stderr) };
}

const SCRIPT = `
  console.log("▲ Next.js 16.4.6");
  process.stdout.write("- Local: http://localhost:3000/?code=abc\\n");
  process.emitWarning("old API", "DeprecationWarning");
  console.error("token=${ACCESS}");
  process.stdout.write("no newline at the end");
  setTimeout(() => { throw new Error("refused ${ACCESS}"); });
`;

describe(`the production preload (${PRELOAD})`, () => {
  it("with LOG_FORMAT=json, makes every line of stdout and stderr a JSON object", () => {
    const { status, stdout, stderr } = run(SCRIPT, "json");
    expect(status).toBe(1);
    const entries = [...stdout, ...stderr].map((line) => {
      const entry = JSON.parse(line) as Record<string, unknown>;
      expect(entry).toMatchObject({ time: expect.any(String), level: expect.any(String) });
      return entry;
    });
    expect(entries.map(({ level, msg }) => [level, msg])).toEqual([
      ["info", "▲ Next.js 16.4.6"],
      ["info", "- Local: http://localhost:3000/?[redacted]"],
      ["info", "no newline at the end"],
      ["error", "token=[redacted]"],
      // Node prints its warnings a tick later.
      [
        "warn",
        expect.stringMatching(/^\(node:\d+\) DeprecationWarning: old API\n\(Use `node --trace/),
      ],
      ["error", "process: stopping on an uncaught exception"],
    ]);
    expect(entries.at(-1)).toMatchObject({
      error: "Error: refused [redacted]",
      stack: expect.stringMatching(/^\s+at /),
    });
    expect([...stdout, ...stderr].join("\n")).not.toContain(ACCESS);
  });

  it("leaves the output as it is in text format", () => {
    const { status, stdout, stderr } = run(SCRIPT, "text");
    expect(status).toBe(1);
    expect(stdout).toEqual([
      "▲ Next.js 16.4.6",
      "- Local: http://localhost:3000/?code=abc",
      "no newline at the end",
    ]);
    expect(stderr.join("\n")).toMatch(/Error: refused/);
  });
});

describe("the external packages' check", () => {
  it("names each package the folder cannot load, and none where it can", () => {
    // `dir` holds no node_modules; the project does.
    expect(unloadable(dir)).toEqual(
      EXTERNAL_PACKAGES.map((name) => expect.stringMatching(`^node_modules/${name} \\(`)),
    );
    expect(unloadable(path.resolve(import.meta.dirname, ".."))).toEqual([]);
  });
});
