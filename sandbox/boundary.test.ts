import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const here = new URL(".", import.meta.url);
const files = readdirSync(here).filter(
  (name) => /\.(ts|md)$/.test(name) && name !== "boundary.test.ts",
);
/** The one file outside it the sandbox reads: the client registration, data the app reads too. */
const REGISTRATION = "../sandbox-client.json";

describe("the sandbox stands alone", () => {
  it("imports only its own files, its packages and the client registration, never the app's code (so it cannot share its mistakes)", () => {
    const outside = files.flatMap((name) =>
      [...readFileSync(new URL(name, here), "utf8").matchAll(/from\s+["']([^"']+)["']/g)]
        .map((match) => match[1] ?? "")
        .filter((specifier) => specifier.startsWith("..") || specifier.startsWith("@/"))
        .filter((specifier) => specifier !== REGISTRATION)
        .map((specifier) => `${name}: ${specifier}`),
    );
    expect(outside).toEqual([]);
  });

  it("states its choices itself, pointing at no project-internal documents", () => {
    const mentions = files.filter((name) =>
      /SPEC\.md|shared\/|exist-docs/.test(readFileSync(new URL(name, here), "utf8")),
    );
    expect(mentions).toEqual([]);
  });
});
