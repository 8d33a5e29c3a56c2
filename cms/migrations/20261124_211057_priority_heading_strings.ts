import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

/** content/languages/<code>.json → translation.approach and translation.outcomes, as shipped with this migration. */
const SHIPPED: Record<string, { approach: string; outcomes: string }> = {
  en: { approach: 'Our approach', outcomes: 'Outcomes' },
  bn: { approach: 'আমাদের পদ্ধতি', outcomes: 'ফলাফল' },
  ur: { approach: 'ہمارا طریقہ کار', outcomes: 'نتائج' },
  pa: { approach: 'ਸਾਡਾ ਤਰੀਕਾ', outcomes: 'ਨਤੀਜੇ' },
  pl: { approach: 'Nasze podejście', outcomes: 'Rezultaty' },
  ro: { approach: 'Abordarea noastră', outcomes: 'Rezultate' },
}

/**
 * The headings of a translated priority page, which were English (marked lang="en"). Hand-written,
 * as 20261124_202931_home_strategies_string: the generated version also re-created the service
 * translations' tables (this migration's schema snapshot is the first to see both branches'
 * changes; 20261124_200557_service_translations made those tables) and added NOT NULL columns
 * SQLite refuses on a table with rows. The shipped text is written here, so a later edit of
 * content/languages cannot change what this migration did; nobody fluent has read it, so a
 * language marked checked is marked not yet checked again.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`languages\` ADD \`translation_approach\` text NOT NULL DEFAULT '';`)
  await db.run(sql`ALTER TABLE \`languages\` ADD \`translation_outcomes\` text NOT NULL DEFAULT '';`)
  for (const [code, text] of Object.entries(SHIPPED)) {
    await db.run(
      sql`UPDATE \`languages\` SET \`translation_approach\` = ${text.approach}, \`translation_outcomes\` = ${text.outcomes}, \`fluent_check_checked\` = 0, \`fluent_check_checked_by\` = NULL, \`fluent_check_checked_at\` = NULL WHERE \`code\` = ${code};`,
    )
  }
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`languages\` DROP COLUMN \`translation_approach\`;`)
  await db.run(sql`ALTER TABLE \`languages\` DROP COLUMN \`translation_outcomes\`;`)
}
