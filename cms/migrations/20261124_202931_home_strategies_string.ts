import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

/** content/languages/<code>.json → home.strategies, as shipped with this migration. */
const SHIPPED_HOME_STRATEGIES: Record<string, string> = {
  en: 'Community safety strategies',
  bn: 'কমিউনিটি নিরাপত্তা কৌশল',
  ur: 'کمیونٹی کی حفاظت کی حکمت عملیاں',
  pa: 'ਭਾਈਚਾਰਕ ਸੁਰੱਖਿਆ ਰਣਨੀਤੀਆਂ',
  pl: 'Strategie bezpieczeństwa społeczności',
  ro: 'Strategii pentru siguranța comunității',
}

export async function up({ db }: MigrateUpArgs): Promise<void> {
  // Hand-written, as 20261124_160709_news_translations: SQLite cannot add a NOT NULL column without
  // a default, and a language missing a string is left out of the site. So the new string gets an
  // empty default, then each existing language the shipped text (written here, so a later edit of
  // content/languages cannot change what this migration did). Nobody fluent has read it yet: a
  // language that was marked checked is marked not yet checked.
  await db.run(sql`ALTER TABLE \`languages\` ADD \`home_strategies\` text NOT NULL DEFAULT '';`)
  for (const [code, text] of Object.entries(SHIPPED_HOME_STRATEGIES)) {
    await db.run(sql`UPDATE \`languages\` SET \`home_strategies\` = ${text}, \`fluent_check_checked\` = 0, \`fluent_check_checked_by\` = NULL, \`fluent_check_checked_at\` = NULL WHERE \`code\` = ${code};`)
  }
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`languages\` DROP COLUMN \`home_strategies\`;`)
}
