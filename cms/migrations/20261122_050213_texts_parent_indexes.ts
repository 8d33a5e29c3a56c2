import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

/**
 * Hand-written: Payload gives a hasMany text field's table (services.languages, news.tags) only an
 * index on (order, parent_id), which cannot find one record's values, so every row read scanned the
 * whole table — 10 services read this way at 10,000 entries cost ~2.5 ms of a 3 ms query, and the
 * site build's full read was quadratic. (parent_id, order) serves the per-record lookup in order.
 * Not part of Payload's schema snapshot, so schema diffs neither create nor drop them.
 */
const TABLES = ['services_texts', '_services_v_texts', 'news_texts', '_news_v_texts']

export async function up({ db }: MigrateUpArgs): Promise<void> {
  for (const table of TABLES) await db.run(sql.raw(`CREATE INDEX IF NOT EXISTS \`${table}_parent_order_idx\` ON \`${table}\` (\`parent_id\`, \`order\`);`))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  for (const table of TABLES) await db.run(sql.raw(`DROP INDEX IF EXISTS \`${table}_parent_order_idx\`;`))
}
