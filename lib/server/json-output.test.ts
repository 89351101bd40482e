import { afterEach, describe, expect, it, vi } from "vitest";
import { asJsonLines, jsonStream } from "@/lib/server/json-output";

const TIME = new Date("2026-12-03T04:05:06.789Z");
const ACCESS = "0123456789abcdef0123456789abcdef01234567";

const parsed = (text: string) =>
  text
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe("asJsonLines", () => {
  it("makes a plain line one JSON object: time, level, message without colours", () => {
    expect(asJsonLines("\u001b[32m✓\u001b[39m Ready in 120ms\n", "info", TIME)).toBe(
      `{"time":"2026-12-03T04:05:06.789Z","level":"info","msg":"✓ Ready in 120ms"}\n`,
    );
  });

  it("keeps a log entry as it is, and the plain lines around it apart", () => {
    const line = `{"time":"x","level":"info","msg":"api GET /api/attributes 200","traceId":"${ACCESS}"}`;
    const lines = asJsonLines(`before\n${line}\nafter`, "info", TIME).split("\n");
    expect(lines[1]).toBe(line);
    expect(lines.map((text) => (text ? (JSON.parse(text) as { msg: string }).msg : ""))).toEqual([
      "before",
      "api GET /api/attributes 200",
      "after",
      "",
    ]);
  });

  it("scrubs a log entry someone else wrote, and makes other JSON a message", () => {
    const entry = `{"time":"x","level":"warn","msg":"refresh","token":"${ACCESS}","n":1}`;
    expect(asJsonLines(entry, "info")).toBe(
      `{"time":"x","level":"warn","msg":"refresh","token":"[redacted]","n":1}\n`,
    );
    expect(parsed(asJsonLines(`{"access_token":"${ACCESS}"}\n[1,2]`, "info", TIME))).toEqual([
      { time: TIME.toISOString(), level: "info", msg: `{"access_token":"[redacted]"}\n[1,2]` },
    ]);
  });

  it("writes a message and its stack frames as one object, scrubbed, blank lines dropped", () => {
    const text = `Error: Exist refused ${ACCESS}\n    at send (lib/exist/client.ts:1:2)\n\n    at run (x.js:3:4)\n`;
    expect(parsed(asJsonLines(text, "error", TIME))).toEqual([
      {
        time: TIME.toISOString(),
        level: "error",
        msg: "Error: Exist refused [redacted]",
        stack: "    at send (lib/exist/client.ts:1:2)\n    at run (x.js:3:4)",
      },
    ]);
    expect(asJsonLines("\n\n", "info")).toBe("");
  });

  it("tells warnings from errors on stderr", () => {
    const levels = (text: string) => parsed(asJsonLines(text, "error")).map((entry) => entry.level);
    expect(levels("(node:12) [DEP0169] DeprecationWarning: `url.parse()` is deprecated")).toEqual([
      "warn",
    ]);
    expect(levels("⚠ The config property `x` is deprecated")).toEqual(["warn"]);
    expect(levels("⨯ Error: failed")).toEqual(["error"]);
    expect(levels("something else")).toEqual(["error"]);
  });

  it("does not take a line that only looks like JSON for one", () => {
    expect(parsed(asJsonLines("{ name: 'steps' }\n[1]\n", "info"))).toEqual([
      expect.objectContaining({ msg: "{ name: 'steps' }\n[1]" }),
    ]);
  });
});

describe("jsonStream", () => {
  afterEach(() => vi.restoreAllMocks());

  /** A stream whose writes are kept, wrapped. */
  function wrapped() {
    const written: string[] = [];
    const stream = {
      write: (text: string, callback?: () => void) => {
        written.push(text);
        callback?.();
        return true;
      },
    } as unknown as NodeJS.WriteStream;
    vi.spyOn(process, "on").mockImplementation(() => process);
    jsonStream(stream, "info");
    return { stream, written };
  }

  it("holds a line until its end, bytes cut inside a character included", async () => {
    const { stream, written } = wrapped();
    const bytes = Buffer.from("▲ Next.js 16\n");
    stream.write(bytes.subarray(0, 1));
    stream.write("");
    expect(written).toEqual([]);
    const done = vi.fn();
    stream.write(bytes.subarray(1), done);
    expect(parsed(written.join(""))).toEqual([
      expect.objectContaining({ level: "info", msg: "▲ Next.js 16" }),
    ]);
    expect(done).toHaveBeenCalled();
    // A write held whole still calls back.
    const held = vi.fn();
    stream.write("no end yet", held);
    await new Promise((resolve) => process.nextTick(resolve));
    expect(held).toHaveBeenCalled();
  });
});
