import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`strategy_translations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`strategy_id\` integer,
  	\`language\` text,
  	\`title\` text,
  	\`summary\` text,
  	\`vision\` text,
  	\`body\` text,
  	\`translator\` text,
  	\`last_checked\` text,
  	\`english_checked\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`strategy_id\`) REFERENCES \`strategies\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`strategy_translations_strategy_idx\` ON \`strategy_translations\` (\`strategy_id\`);`)
  await db.run(sql`CREATE INDEX \`strategy_translations_language_idx\` ON \`strategy_translations\` (\`language\`);`)
  await db.run(sql`CREATE INDEX \`strategy_translations_updated_at_idx\` ON \`strategy_translations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`strategy_translations_created_at_idx\` ON \`strategy_translations\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`strategy_translations__status_idx\` ON \`strategy_translations\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`_strategy_translations_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_strategy_id\` integer,
  	\`version_language\` text,
  	\`version_title\` text,
  	\`version_summary\` text,
  	\`version_vision\` text,
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
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`strategy_translations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_strategy_id\`) REFERENCES \`strategies\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_strategy_translations_v_parent_idx\` ON \`_strategy_translations_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_strategy_translations_v_version_version_strategy_idx\` ON \`_strategy_translations_v\` (\`version_strategy_id\`);`)
  await db.run(sql`CREATE INDEX \`_strategy_translations_v_version_version_language_idx\` ON \`_strategy_translations_v\` (\`version_language\`);`)
  await db.run(sql`CREATE INDEX \`_strategy_translations_v_version_version_updated_at_idx\` ON \`_strategy_translations_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_strategy_translations_v_version_version_created_at_idx\` ON \`_strategy_translations_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_strategy_translations_v_version_version__status_idx\` ON \`_strategy_translations_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_strategy_translations_v_created_at_idx\` ON \`_strategy_translations_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_strategy_translations_v_updated_at_idx\` ON \`_strategy_translations_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_strategy_translations_v_latest_idx\` ON \`_strategy_translations_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`priority_translations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`priority_id\` integer,
  	\`language\` text,
  	\`title\` text,
  	\`goal\` text,
  	\`approach\` text,
  	\`outcomes\` text,
  	\`translator\` text,
  	\`last_checked\` text,
  	\`english_checked\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`priority_id\`) REFERENCES \`priorities\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`priority_translations_priority_idx\` ON \`priority_translations\` (\`priority_id\`);`)
  await db.run(sql`CREATE INDEX \`priority_translations_language_idx\` ON \`priority_translations\` (\`language\`);`)
  await db.run(sql`CREATE INDEX \`priority_translations_updated_at_idx\` ON \`priority_translations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`priority_translations_created_at_idx\` ON \`priority_translations\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`priority_translations__status_idx\` ON \`priority_translations\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`_priority_translations_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_priority_id\` integer,
  	\`version_language\` text,
  	\`version_title\` text,
  	\`version_goal\` text,
  	\`version_approach\` text,
  	\`version_outcomes\` text,
  	\`version_translator\` text,
  	\`version_last_checked\` text,
  	\`version_english_checked\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`priority_translations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_priority_id\`) REFERENCES \`priorities\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_priority_translations_v_parent_idx\` ON \`_priority_translations_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_priority_translations_v_version_version_priority_idx\` ON \`_priority_translations_v\` (\`version_priority_id\`);`)
  await db.run(sql`CREATE INDEX \`_priority_translations_v_version_version_language_idx\` ON \`_priority_translations_v\` (\`version_language\`);`)
  await db.run(sql`CREATE INDEX \`_priority_translations_v_version_version_updated_at_idx\` ON \`_priority_translations_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_priority_translations_v_version_version_created_at_idx\` ON \`_priority_translations_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_priority_translations_v_version_version__status_idx\` ON \`_priority_translations_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_priority_translations_v_created_at_idx\` ON \`_priority_translations_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_priority_translations_v_updated_at_idx\` ON \`_priority_translations_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_priority_translations_v_latest_idx\` ON \`_priority_translations_v\` (\`latest\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`strategy_translations_id\` integer REFERENCES strategy_translations(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`priority_translations_id\` integer REFERENCES priority_translations(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_strategy_translations_id_idx\` ON \`payload_locked_documents_rels\` (\`strategy_translations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_priority_translations_id_idx\` ON \`payload_locked_documents_rels\` (\`priority_translations_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  // Foreign keys off before the drops, not after (as generated): with them on, dropping the second
  // table fails on the document locks' reference to the first, once a later migration has
  // rebuilt that table (found when service translations came after this one).
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`DROP TABLE \`strategy_translations\`;`)
  await db.run(sql`DROP TABLE \`_strategy_translations_v\`;`)
  await db.run(sql`DROP TABLE \`priority_translations\`;`)
  await db.run(sql`DROP TABLE \`_priority_translations_v\`;`)
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
  	\`news_translations_id\` integer,
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
  	FOREIGN KEY (\`news_translations_id\`) REFERENCES \`news_translations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
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
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "partnerships_id", "organisations_id", "strategies_id", "priorities_id", "services_id", "news_id", "news_translations_id", "meetings_id", "agenda_items_id", "reviews_id", "recommendations_id", "media_id", "languages_id", "users_id", "site_builds_id", "backups_id", "emails_id", "preview_links_id") SELECT "id", "order", "parent_id", "path", "partnerships_id", "organisations_id", "strategies_id", "priorities_id", "services_id", "news_id", "news_translations_id", "meetings_id", "agenda_items_id", "reviews_id", "recommendations_id", "media_id", "languages_id", "users_id", "site_builds_id", "backups_id", "emails_id", "preview_links_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_news_translations_id_idx\` ON \`payload_locked_documents_rels\` (\`news_translations_id\`);`)
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
}
