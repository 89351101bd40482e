/**
 * After `next build` (`npm run build` runs both): completes `<distDir>/standalone`, the folder
 * production runs (`node .next/standalone/server.js`, `npm run start:prod`), and checks that it
 * holds every file the server loads at run time.
 *
 * Next.js leaves the build's static files and `public/` out of the standalone folder on purpose
 * (a CDN may serve them); this app serves them itself. The migrations (`drizzle/`, read from the
 * working directory at start-up) and PGlite's WebAssembly and data files (loaded from its own
 * package folder, which `serverExternalPackages` keeps out of the bundle) are found by the
 * build's file tracing today, but tracing is known to miss files of external packages: they are
 * copied whenever they are missing, and the check fails the build if any is still absent.
 *
 * `tsx scripts/standalone.ts` (Node 24 also runs it alone); NEXT_DIST_DIR names the build
 * folder, as in next.config.mjs.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

const PGLITE = "node_modules/@electric-sql/pglite";

/**
 * The packages the server loads from the standalone folder's node_modules rather than from its
 * bundle (`serverExternalPackages` in next.config.mjs, and `pg` on Next.js's own list): PGlite,
 * the job engine and the PostgreSQL client. Each must load there, with what it imports.
 */
export const EXTERNAL_PACKAGES = ["@electric-sql/pglite", "pg-boss", "pg"];

/**
 * Node's flags for the production server (`start:prod` in package.json spells them out, and
 * `npm start` uses them). PGlite's WebAssembly stays on V8's baseline compiler: the optimising
 * one, compiling PostgreSQL's largest function, takes about 600 MB for a moment and about 60 MB
 * for good, and the app's queries are too small to gain from it (README.md, "Memory").
 */
export const SERVER_NODE_FLAGS = ["--no-wasm-tier-up", "--no-wasm-dynamic-tiering"];

/**
 * The production process's preload, in the standalone folder: lib/server/json-output.ts
 * compiled to JavaScript, then the call that makes stdout and stderr write JSON lines when
 * LOG_FORMAT=json (from the first line on: Next.js prints its banner before the app loads).
 * `start:prod` and the image's command run it with `node --import`.
 */
export const PRELOAD = "json-output.mjs";

/** `--import` of the preload in the standalone folder `dir`, for `node`'s command line. */
export function preloadFlag(dir: string): string {
  return `--import=${pathToFileURL(path.join(dir, PRELOAD)).href}`;
}

/**
 * Writes the preload into the folder `target`, compiled by TypeScript in a child process: the
 * compiler is about 130 MB that `npm start`'s launcher, which calls this, would keep for as long
 * as the app runs.
 */
export function writePreload(root: string, target: string): void {
  const compile = `
    import { readFileSync, writeFileSync } from "node:fs";
    import ts from "typescript";
        const [source, output] = process.argv.slice(1);
    const { outputText } = ts.transpileModule(readFileSync(source, "utf8"), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      fileName: "json-output.ts",
    });
    writeFileSync(output, "// Made by scripts/standalone.ts from lib/server/json-output.ts: do not edit.\\n" +
      outputText + "\\njsonOutput();\\n");`;
  const result = spawnSync(
    process.execPath,
    [
      "--input-type=module",
      "--eval",
      compile,
      path.join(root, "lib/server/json-output.ts"),
      path.join(target, PRELOAD),
    ],
    { cwd: root, stdio: ["ignore", "inherit", "inherit"] },
  );
  if (result.status !== 0) throw new Error(`compiling ${PRELOAD} failed (${result.status})`);
}

/** Paths, relative to the standalone folder, the server opens at run time. */
export function runtimeFiles(root: string, distDir: string): string[] {
  const migrations = readdirSync(path.join(root, "drizzle"))
    .filter((name) => name.endsWith(".sql"))
    .map((name) => `drizzle/${name}`);
  return [
    "server.js",
    PRELOAD,
    `${distDir}/BUILD_ID`,
    `${distDir}/static`,
    ...readdirSync(path.join(root, "public")).map((name) => `public/${name}`),
    "drizzle/meta/_journal.json",
    ...migrations,
    `${PGLITE}/package.json`,
    `${PGLITE}/dist/index.js`,
    // The server's WebAssembly, its file system image, and initdb for a new data folder.
    `${PGLITE}/dist/pglite.wasm`,
    `${PGLITE}/dist/pglite.data`,
    `${PGLITE}/dist/initdb.wasm`,
    // The job engine (its plans import a JSON file of its schema).
    "node_modules/pg-boss/package.json",
    "node_modules/pg-boss/dist/index.js",
    "node_modules/pg-boss/dist/schema.json",
    "node_modules/pg/package.json",
  ];
}

/** The standalone folder of a build in `root`. */
export function standaloneDir(root: string, distDir: string): string {
  return path.join(root, distDir, "standalone");
}

/**
 * Copies in what the standalone folder lacks and returns the run-time files still missing
 * (none when it worked).
 */
export function completeStandalone(root: string, distDir: string): string[] {
  const target = standaloneDir(root, distDir);
  if (!existsSync(path.join(target, "server.js"))) {
    return [`server.js (is output: "standalone" set in next.config.mjs?)`];
  }
  // Replaced, not merged: files of an earlier build must not linger.
  for (const folder of [`${distDir}/static`, "public", "drizzle"]) {
    rmSync(path.join(target, folder), { recursive: true, force: true });
    cpSync(path.join(root, folder), path.join(target, folder), { recursive: true });
  }
  writePreload(root, target);
  const pglite = path.join(target, PGLITE);
  if (!existsSync(path.join(pglite, "dist/pglite.wasm"))) {
    // The whole package, as Node resolves it from the server's node_modules.
    cpSync(path.join(root, PGLITE), pglite, {
      recursive: true,
      filter: (source) => !source.endsWith(".map"),
    });
  }
  const missing = runtimeFiles(root, distDir).filter(
    (file) => !existsSync(path.join(target, file)),
  );
  return missing.length > 0 ? missing : unloadable(target);
}

/**
 * The external packages that cannot be imported from the standalone folder `target`. Node looks
 * for a package in every parent folder's node_modules, and the project's own holds them all: the
 * check imports them through a link to `target`'s node_modules from a folder of its own, with
 * `--preserve-symlinks`, so that nothing outside the standalone folder can stand in.
 */
export function unloadable(target: string): string[] {
  const code = `
    const failed = [];
    for (const name of ${JSON.stringify(EXTERNAL_PACKAGES)}) {
      await import(name).catch((error) => failed.push(\`node_modules/\${name} (\${error.message})\`));
    }
    console.log(JSON.stringify(failed));`;
  const folder = mkdtempSync(path.join(tmpdir(), "exist-ownership-standalone-check-"));
  try {
    symlinkSync(path.join(path.resolve(target), "node_modules"), path.join(folder, "node_modules"));
    const result = spawnSync(
      process.execPath,
      ["--preserve-symlinks", "--input-type=module", "-e", code],
      {
        cwd: folder,
        encoding: "utf8",
        env: { PATH: process.env.PATH ?? "", NODE_ENV: "production" },
      },
    );
    if (result.status !== 0) return [`the external packages (${result.stderr.trim()})`];
    return JSON.parse(result.stdout) as string[];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (import.meta.filename === process.argv[1]) {
  const root = path.resolve(import.meta.dirname, "..");
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  const missing = completeStandalone(root, distDir);
  if (missing.length > 0) {
    console.error(`The standalone build lacks files the server needs:\n  ${missing.join("\n  ")}`);
    process.exit(1);
  }
  console.log(`Standalone server ready: node ${path.join(distDir, "standalone", "server.js")}`);
}
