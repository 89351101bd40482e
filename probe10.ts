import { sql } from "drizzle-orm";
import { openDatabase } from "./lib/db/database";
const database = await openDatabase({ dataDir: process.argv[2]! });
const { db } = database;
async function time(name: string, fn: () => Promise<unknown>) {
  const t: number[] = [];
  for (let i = 0; i < 100; i++) { const s = performance.now(); await fn(); t.push(performance.now() - s); }
  t.sort((a, b) => a - b);
  console.log(name, t[50]!.toFixed(2));
}
const u = "u", name = "steps", at = new Date().toISOString();
await time("values+subquery", () => db.execute(sql`insert into history_entries (username, kind, attribute, label, action, owner_before, outcome, request_id, settle_after)
  values (${u}, 'change', ${name}, coalesce((select label from last_seen_owners where username = ${u} and attribute = ${name}), ${name}), 'acquire',
   (select owner from last_seen_owners where username = ${u} and attribute = ${name}), 'unknown', 'r', ${at}::timestamptz)
  returning id, attribute, label, owner_before`));
await time("values-no-params", () => db.execute(sql.raw(`insert into history_entries (username, kind, attribute, label, action, outcome, request_id) values ('u','change','steps','steps','acquire','unknown','r') returning id`)));
await time("select-by-pk", () => db.execute(sql`select label, owner from last_seen_owners where username = ${u} and attribute = ${name}`));
await time("join variant", () => db.execute(sql`insert into history_entries (username, kind, attribute, label, action, owner_before, outcome, request_id, settle_after)
    select ${u}, 'change', item.name, coalesce(seen.label, item.name), 'acquire', seen.owner, 'unknown', 'r', ${at}::timestamptz
    from (values (${name}::text, ${0}::int)) as item(name, position)
    left join last_seen_owners seen on seen.username = ${u} and seen.attribute = item.name
    order by item.position returning id, attribute, label, owner_before`));
await database.close();
