import { defineConfig } from "drizzle-kit";

/** `npx drizzle-kit generate` writes drizzle/ from the schema; it needs no database. */
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema.ts",
  out: "./drizzle",
});
