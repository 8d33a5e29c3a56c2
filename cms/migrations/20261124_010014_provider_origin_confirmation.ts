import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`services\` ADD \`provider_not_named\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`services\` ADD \`origin_title\` text;`)
  await db.run(sql`ALTER TABLE \`services\` ADD \`origin_published\` text;`)
  await db.run(sql`ALTER TABLE \`services\` ADD \`confirmed_on\` text;`)
  await db.run(sql`ALTER TABLE \`services\` ADD \`confirmed_by\` text;`)
  // "Last checked" used to be the source paper's date for seeded entries, and the approval date
  // when an editor published a partner's submission. Only the second was a person confirming the
  // entry, so only it is kept, with the partner who submitted it; the rest become "not yet confirmed".
  await db.run(sql`UPDATE \`services\` SET \`confirmed_on\` = \`last_reviewed\`,
    \`confirmed_by\` = (SELECT CASE WHEN \`users\`.\`name\` IS NOT NULL AND \`users\`.\`name\` <> '' THEN \`users\`.\`name\` || ' (' || \`users\`.\`email\` || ')' ELSE \`users\`.\`email\` END FROM \`users\` WHERE \`users\`.\`id\` = \`services\`.\`review_submitted_by_id\`)
    WHERE \`review_state\` = 'approved' AND \`last_reviewed\` IS NOT NULL
      AND EXISTS (SELECT 1 FROM \`users\` WHERE \`users\`.\`id\` = \`services\`.\`review_submitted_by_id\`);`)
  await db.run(sql`ALTER TABLE \`services\` DROP COLUMN \`last_reviewed\`;`)
  await db.run(sql`ALTER TABLE \`_services_v\` ADD \`version_provider_not_named\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_services_v\` ADD \`version_origin_title\` text;`)
  await db.run(sql`ALTER TABLE \`_services_v\` ADD \`version_origin_published\` text;`)
  await db.run(sql`ALTER TABLE \`_services_v\` ADD \`version_confirmed_on\` text;`)
  await db.run(sql`ALTER TABLE \`_services_v\` ADD \`version_confirmed_by\` text;`)
  await db.run(sql`ALTER TABLE \`_services_v\` DROP COLUMN \`version_last_reviewed\`;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`services\` ADD \`last_reviewed\` text;`)
  await db.run(sql`ALTER TABLE \`services\` DROP COLUMN \`provider_not_named\`;`)
  await db.run(sql`ALTER TABLE \`services\` DROP COLUMN \`origin_title\`;`)
  await db.run(sql`ALTER TABLE \`services\` DROP COLUMN \`origin_published\`;`)
  await db.run(sql`ALTER TABLE \`services\` DROP COLUMN \`confirmed_on\`;`)
  await db.run(sql`ALTER TABLE \`services\` DROP COLUMN \`confirmed_by\`;`)
  await db.run(sql`ALTER TABLE \`_services_v\` ADD \`version_last_reviewed\` text;`)
  await db.run(sql`ALTER TABLE \`_services_v\` DROP COLUMN \`version_provider_not_named\`;`)
  await db.run(sql`ALTER TABLE \`_services_v\` DROP COLUMN \`version_origin_title\`;`)
  await db.run(sql`ALTER TABLE \`_services_v\` DROP COLUMN \`version_origin_published\`;`)
  await db.run(sql`ALTER TABLE \`_services_v\` DROP COLUMN \`version_confirmed_on\`;`)
  await db.run(sql`ALTER TABLE \`_services_v\` DROP COLUMN \`version_confirmed_by\`;`)
}
