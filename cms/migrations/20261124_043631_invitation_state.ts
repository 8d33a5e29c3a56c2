import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`users\` ADD \`invitation_sent_at\` text;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`invitation_accepted_at\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`invitation_sent_at\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`invitation_accepted_at\`;`)
}
