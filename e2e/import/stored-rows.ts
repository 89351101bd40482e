/**
 * What an app instance's embedded database holds of its imports, read once the instance is
 * stopped (PGlite lets one process at a time open a data folder): imports by status, and the
 * sealed Exist tokens kept for them.
 */
import path from "node:path";

export async function countRows(dataDir: string) {
  const { PGlite } = await import("@electric-sql/pglite");
  const client = await PGlite.create(path.join(dataDir, "pglite"));
  try {
    const imports = await client.query<{ status: string; n: number }>(
      "select status, count(*)::int as n from imports group by status",
    );
    const tokens = await client.query<{ n: number }>(
      "select count(*)::int as n from import_tokens",
    );
    return {
      ...Object.fromEntries(imports.rows.map((row) => [row.status, row.n])),
      tokens: tokens.rows[0]?.n ?? -1,
    };
  } finally {
    await client.close();
  }
}
