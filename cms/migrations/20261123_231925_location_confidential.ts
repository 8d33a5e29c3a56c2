import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`services\` ADD \`location_confidential\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_services_v\` ADD \`version_location_confidential\` integer DEFAULT false;`)
  // Entries that already describe a refuge are confidential from now on, before anyone edits them:
  // the safe direction (a wrongly flagged entry only loses its address on the site until an editor
  // unticks it). Their addresses, if any, are then refused on the next save and left out of builds.
  await db.run(sql`UPDATE \`services\` SET \`location_confidential\` = 1 WHERE lower(\`name\` || ' ' || \`description\`) LIKE '%refuge%' OR lower(\`name\` || ' ' || \`description\`) LIKE '%safe house%';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`services\` DROP COLUMN \`location_confidential\`;`)
  await db.run(sql`ALTER TABLE \`_services_v\` DROP COLUMN \`version_location_confidential\`;`)
}
