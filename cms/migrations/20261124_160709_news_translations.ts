import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

/** content/languages/<code>.json → translation, as shipped with this migration: credit, checked, readEnglish. */
const SHIPPED_TRANSLATION_STRINGS: Record<string, [string, string, string]> = {
  "en": [
    "Translated by {name}",
    "Translation last checked against the English on {date}",
    "Read the English version"
  ],
  "bn": [
    "অনুবাদ করেছেন {name}",
    "ইংরেজি সংস্করণের সাথে অনুবাদটি শেষ যাচাই করা হয়েছে {date}",
    "ইংরেজি সংস্করণটি পড়ুন"
  ],
  "ur": [
    "ترجمہ: {name}",
    "انگریزی متن سے ترجمے کی آخری جانچ: {date}",
    "انگریزی ورژن پڑھیں"
  ],
  "pa": [
    "ਅਨੁਵਾਦ: {name}",
    "ਅੰਗਰੇਜ਼ੀ ਨਾਲ ਅਨੁਵਾਦ ਦੀ ਆਖਰੀ ਜਾਂਚ: {date}",
    "ਅੰਗਰੇਜ਼ੀ ਰੂਪ ਪੜ੍ਹੋ"
  ],
  "pl": [
    "Tłumaczenie: {name}",
    "Tłumaczenie ostatnio sprawdzone z wersją angielską: {date}",
    "Przeczytaj wersję angielską"
  ],
  "ro": [
    "Tradus de {name}",
    "Traducere verificată ultima dată cu versiunea în engleză: {date}",
    "Citiți versiunea în engleză"
  ]
}

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`news_translations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`story_id\` integer,
  	\`language\` text,
  	\`title\` text,
  	\`summary\` text,
  	\`body\` text,
  	\`translator\` text,
  	\`last_checked\` text,
  	\`english_checked\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`story_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`news_translations_story_idx\` ON \`news_translations\` (\`story_id\`);`)
  await db.run(sql`CREATE INDEX \`news_translations_language_idx\` ON \`news_translations\` (\`language\`);`)
  await db.run(sql`CREATE INDEX \`news_translations_updated_at_idx\` ON \`news_translations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`news_translations_created_at_idx\` ON \`news_translations\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`news_translations__status_idx\` ON \`news_translations\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`_news_translations_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_story_id\` integer,
  	\`version_language\` text,
  	\`version_title\` text,
  	\`version_summary\` text,
  	\`version_body\` text,
  	\`version_translator\` text,
  	\`version_last_checked\` text,
  	\`version_english_checked\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`news_translations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_story_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_news_translations_v_parent_idx\` ON \`_news_translations_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_translations_v_version_version_story_idx\` ON \`_news_translations_v\` (\`version_story_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_translations_v_version_version_language_idx\` ON \`_news_translations_v\` (\`version_language\`);`)
  await db.run(sql`CREATE INDEX \`_news_translations_v_version_version_updated_at_idx\` ON \`_news_translations_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_news_translations_v_version_version_created_at_idx\` ON \`_news_translations_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_news_translations_v_version_version__status_idx\` ON \`_news_translations_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_news_translations_v_created_at_idx\` ON \`_news_translations_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_news_translations_v_updated_at_idx\` ON \`_news_translations_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_news_translations_v_latest_idx\` ON \`_news_translations_v\` (\`latest\`);`)
  // Hand-written: SQLite cannot add a NOT NULL column without a default, and a language whose
  // strings are incomplete is left out of the site. So the three new strings get an empty default,
  // then each existing language is given the shipped text (as of this migration, written here so a
  // later edit of content/languages cannot change what this migration did). New strings were not
  // read by a fluent speaker: a language that was marked checked is marked not yet checked.
  await db.run(sql`ALTER TABLE \`languages\` ADD \`translation_credit\` text NOT NULL DEFAULT '';`)
  await db.run(sql`ALTER TABLE \`languages\` ADD \`translation_checked\` text NOT NULL DEFAULT '';`)
  await db.run(sql`ALTER TABLE \`languages\` ADD \`translation_read_english\` text NOT NULL DEFAULT '';`)
  for (const [code, [credit, checked, readEnglish]] of Object.entries(SHIPPED_TRANSLATION_STRINGS)) {
    await db.run(sql`UPDATE \`languages\` SET \`translation_credit\` = ${credit}, \`translation_checked\` = ${checked}, \`translation_read_english\` = ${readEnglish}, \`fluent_check_checked\` = 0, \`fluent_check_checked_by\` = NULL, \`fluent_check_checked_at\` = NULL WHERE \`code\` = ${code};`)
  }
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`news_translations_id\` integer REFERENCES news_translations(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_news_translations_id_idx\` ON \`payload_locked_documents_rels\` (\`news_translations_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`news_translations\`;`)
  await db.run(sql`DROP TABLE \`_news_translations_v\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`partnerships_id\` integer,
  	\`organisations_id\` integer,
  	\`strategies_id\` integer,
  	\`priorities_id\` integer,
  	\`services_id\` integer,
  	\`news_id\` integer,
  	\`meetings_id\` integer,
  	\`agenda_items_id\` integer,
  	\`reviews_id\` integer,
  	\`recommendations_id\` integer,
  	\`media_id\` integer,
  	\`languages_id\` integer,
  	\`users_id\` integer,
  	\`site_builds_id\` integer,
  	\`backups_id\` integer,
  	\`emails_id\` integer,
  	\`preview_links_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`partnerships_id\`) REFERENCES \`partnerships\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`organisations_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`strategies_id\`) REFERENCES \`strategies\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`priorities_id\`) REFERENCES \`priorities\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`services_id\`) REFERENCES \`services\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`news_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`meetings_id\`) REFERENCES \`meetings\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`agenda_items_id\`) REFERENCES \`agenda_items\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`reviews_id\`) REFERENCES \`reviews\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`recommendations_id\`) REFERENCES \`recommendations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`languages_id\`) REFERENCES \`languages\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`site_builds_id\`) REFERENCES \`site_builds\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`backups_id\`) REFERENCES \`backups\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`emails_id\`) REFERENCES \`emails\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`preview_links_id\`) REFERENCES \`preview_links\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "partnerships_id", "organisations_id", "strategies_id", "priorities_id", "services_id", "news_id", "meetings_id", "agenda_items_id", "reviews_id", "recommendations_id", "media_id", "languages_id", "users_id", "site_builds_id", "backups_id", "emails_id", "preview_links_id") SELECT "id", "order", "parent_id", "path", "partnerships_id", "organisations_id", "strategies_id", "priorities_id", "services_id", "news_id", "meetings_id", "agenda_items_id", "reviews_id", "recommendations_id", "media_id", "languages_id", "users_id", "site_builds_id", "backups_id", "emails_id", "preview_links_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_partnerships_id_idx\` ON \`payload_locked_documents_rels\` (\`partnerships_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_organisations_id_idx\` ON \`payload_locked_documents_rels\` (\`organisations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_strategies_id_idx\` ON \`payload_locked_documents_rels\` (\`strategies_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_priorities_id_idx\` ON \`payload_locked_documents_rels\` (\`priorities_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_services_id_idx\` ON \`payload_locked_documents_rels\` (\`services_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_news_id_idx\` ON \`payload_locked_documents_rels\` (\`news_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_meetings_id_idx\` ON \`payload_locked_documents_rels\` (\`meetings_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_agenda_items_id_idx\` ON \`payload_locked_documents_rels\` (\`agenda_items_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_reviews_id_idx\` ON \`payload_locked_documents_rels\` (\`reviews_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_recommendations_id_idx\` ON \`payload_locked_documents_rels\` (\`recommendations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_languages_id_idx\` ON \`payload_locked_documents_rels\` (\`languages_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_site_builds_id_idx\` ON \`payload_locked_documents_rels\` (\`site_builds_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_backups_id_idx\` ON \`payload_locked_documents_rels\` (\`backups_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_emails_id_idx\` ON \`payload_locked_documents_rels\` (\`emails_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_preview_links_id_idx\` ON \`payload_locked_documents_rels\` (\`preview_links_id\`);`)
  await db.run(sql`ALTER TABLE \`languages\` DROP COLUMN \`translation_credit\`;`)
  await db.run(sql`ALTER TABLE \`languages\` DROP COLUMN \`translation_checked\`;`)
  await db.run(sql`ALTER TABLE \`languages\` DROP COLUMN \`translation_read_english\`;`)
}
