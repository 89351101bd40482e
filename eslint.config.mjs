import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

/**
 * The layers of the data path, enforced: components → lib/query → our /api → app/api → lib/api →
 * lib/exist → Exist, with lib/db beside lib/exist and used by lib/api alone. A lower layer never
 * imports a higher one. Each entry names the files and what they may not import, with the reason
 * that the lint message repeats.
 */
/** An import of `folder` by alias, by a path from the root, or relative from a sibling in lib/. */
const importsOf = (folders) =>
  folders.flatMap((folder) => {
    const sibling = folder.startsWith("lib/") ? folder.slice("lib/".length) : null;
    return [
      `@/${folder}`,
      `@/${folder}/**`,
      `**/${folder}`,
      `**/${folder}/**`,
      ...(sibling ? [`../${sibling}`, `../${sibling}/**`] : []),
    ];
  });

const LAYERS = [
  {
    files: ["lib/exist/**/*.{ts,tsx}"],
    patterns: [
      {
        group: importsOf(["lib/api", "lib/auth", "lib/db", "lib/query", "lib/validations"]),
        message:
          "lib/exist is the Exist client: it knows nothing of our API, auth, storage or queries.",
      },
    ],
  },
  {
    files: ["lib/db/**/*.{ts,tsx}"],
    patterns: [
      {
        group: importsOf(["lib/api", "lib/auth", "lib/query"]),
        message: "lib/db is storage plumbing beside lib/exist: lib/api uses it, not the other way.",
      },
    ],
  },
  {
    files: ["lib/jobs/**/*.{ts,tsx}"],
    patterns: [
      {
        group: importsOf(["lib/api", "lib/auth", "lib/exist", "lib/query"]),
        message:
          "lib/jobs is the job engine beside lib/db: lib/api gives it work, not the other way.",
      },
    ],
  },
  {
    files: ["lib/import/**/*.{ts,tsx}"],
    patterns: [
      {
        group: importsOf(["lib/auth", "lib/db", "lib/exist", "lib/jobs", "lib/query"]),
        message: "lib/import reads files in the browser: it knows nothing of the server's layers.",
      },
      {
        group: ["@/lib/api/*", "!@/lib/api/contract", "@/lib/api/*/**"],
        message: "Of lib/api, lib/import imports only the contract (lib/api/contract.ts).",
      },
    ],
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    patterns: [
      {
        group: importsOf(["lib/exist", "lib/db", "lib/jobs"]),
        message: "Components use our API's contract (lib/api/contract.ts), never Exist or storage.",
      },
      {
        group: ["@/lib/api/*", "!@/lib/api/contract", "@/lib/api/*/**"],
        message: "Of lib/api, components import only the contract (lib/api/contract.ts).",
      },
    ],
  },
  {
    files: ["sandbox/**/*.{ts,tsx}"],
    patterns: [
      {
        group: ["@/**", "**/lib/**", "**/components/**", "**/app/**"],
        message: "The sandbox stands in for Exist: it keeps its own copy of Exist's facts.",
      },
    ],
  },
];

const layerRules = LAYERS.map(({ files, patterns }) => ({
  files,
  rules: { "no-restricted-imports": ["error", { patterns }] },
}));

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      "node_modules/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
    ],
  },
  // The type-aware rules create-t3-app turns on: promises that nobody awaits or that are passed
  // where a void callback is expected, and `import type` for imports used only as types.
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": [
        "error",
        { checksVoidReturn: { attributes: false } },
      ],
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { prefer: "type-imports", fixStyle: "inline-type-imports" },
      ],
    },
  },
  ...layerRules,
];

export default config;
