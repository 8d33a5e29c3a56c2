import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`services\` ADD \`step_free_access_status\` text DEFAULT 'unknown';`)
  await db.run(sql`ALTER TABLE \`services\` ADD \`step_free_access_note\` text;`)
  await db.run(sql`ALTER TABLE \`_services_v\` ADD \`version_step_free_access_status\` text DEFAULT 'unknown';`)
  await db.run(sql`ALTER TABLE \`_services_v\` ADD \`version_step_free_access_note\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`services\` DROP COLUMN \`step_free_access_status\`;`)
  await db.run(sql`ALTER TABLE \`services\` DROP COLUMN \`step_free_access_note\`;`)
  await db.run(sql`ALTER TABLE \`_services_v\` DROP COLUMN \`version_step_free_access_status\`;`)
  await db.run(sql`ALTER TABLE \`_services_v\` DROP COLUMN \`version_step_free_access_note\`;`)
}
