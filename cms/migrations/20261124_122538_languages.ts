import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`languages\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`code\` text NOT NULL,
  	\`endonym\` text NOT NULL,
  	\`direction\` text DEFAULT 'ltr' NOT NULL,
  	\`fluent_check_checked\` integer DEFAULT false,
  	\`fluent_check_checked_by\` text,
  	\`fluent_check_checked_at\` text,
  	\`quick_exit_button\` text NOT NULL,
  	\`quick_exit_hidden_prefix\` text NOT NULL,
  	\`quick_exit_hint\` text NOT NULL,
  	\`quick_exit_shift\` text NOT NULL,
  	\`quick_exit_remaining_one\` text NOT NULL,
  	\`quick_exit_remaining_many\` text NOT NULL,
  	\`quick_exit_leaving\` text NOT NULL,
  	\`quick_exit_expired\` text NOT NULL,
  	\`emergency_notice\` text NOT NULL,
  	\`emergency_heading\` text NOT NULL,
  	\`emergency_none_open24\` text NOT NULL,
  	\`navigation_skip_link\` text NOT NULL,
  	\`navigation_main_label\` text NOT NULL,
  	\`navigation_home\` text NOT NULL,
  	\`navigation_find_support\` text NOT NULL,
  	\`navigation_news\` text NOT NULL,
  	\`navigation_meetings\` text NOT NULL,
  	\`navigation_stay_safe_online\` text NOT NULL,
  	\`navigation_breadcrumb_label\` text NOT NULL,
  	\`navigation_footer_label\` text NOT NULL,
  	\`navigation_accessibility\` text NOT NULL,
  	\`navigation_privacy\` text NOT NULL,
  	\`navigation_reviews\` text NOT NULL,
  	\`navigation_news_feed\` text NOT NULL,
  	\`navigation_open_data\` text NOT NULL,
  	\`navigation_alert_label\` text NOT NULL,
  	\`navigation_contact_lead\` text NOT NULL,
  	\`navigation_contact_or\` text NOT NULL,
  	\`navigation_contact_page\` text NOT NULL,
  	\`navigation_no_cookies\` text NOT NULL,
  	\`home_title\` text NOT NULL,
  	\`home_description\` text NOT NULL,
  	\`home_quick_exit_tip\` text NOT NULL,
  	\`home_stay_safe_link\` text NOT NULL,
  	\`home_open24_heading\` text NOT NULL,
  	\`home_all24\` text NOT NULL,
  	\`home_by_need\` text NOT NULL,
  	\`home_by_who\` text NOT NULL,
  	\`home_search_all\` text NOT NULL,
  	\`directory_title\` text NOT NULL,
  	\`directory_description\` text NOT NULL,
  	\`directory_search_label\` text NOT NULL,
  	\`directory_form_label\` text NOT NULL,
  	\`directory_need\` text NOT NULL,
  	\`directory_who\` text NOT NULL,
  	\`directory_area\` text NOT NULL,
  	\`directory_access\` text NOT NULL,
  	\`directory_step_free\` text NOT NULL,
  	\`directory_language\` text NOT NULL,
  	\`directory_any\` text NOT NULL,
  	\`directory_submit\` text NOT NULL,
  	\`directory_clear\` text NOT NULL,
  	\`directory_noscript\` text NOT NULL,
  	\`directory_count_one\` text NOT NULL,
  	\`directory_count_many\` text NOT NULL,
  	\`directory_matching\` text NOT NULL,
  	\`directory_no_match\` text NOT NULL,
  	\`directory_see_all\` text NOT NULL,
  	\`directory_browse\` text NOT NULL,
  	\`directory_browse_need\` text NOT NULL,
  	\`directory_browse_who\` text NOT NULL,
  	\`directory_browse_area\` text NOT NULL,
  	\`directory_filter_category\` text NOT NULL,
  	\`directory_filter_audience\` text NOT NULL,
  	\`directory_filter_area\` text NOT NULL,
  	\`directory_none_listed\` text NOT NULL,
  	\`directory_open24\` text NOT NULL,
  	\`directory_not_confirmed\` text NOT NULL,
  	\`directory_english_only\` text NOT NULL,
  	\`dates_last_checked\` text NOT NULL,
  	\`dates_updated\` text NOT NULL,
  	\`stay_safe_title\` text NOT NULL,
  	\`stay_safe_intro\` text NOT NULL,
  	\`stay_safe_quick_exit\` text NOT NULL,
  	\`stay_safe_history\` text NOT NULL,
  	\`stay_safe_private_window\` text NOT NULL,
  	\`stay_safe_clear_history\` text NOT NULL,
  	\`stay_safe_shared_device\` text NOT NULL,
  	\`stay_safe_full_guide\` text NOT NULL,
  	\`language_switcher_label\` text NOT NULL,
  	\`language_switcher_in_english\` text NOT NULL,
  	\`categories_domestic_abuse\` text NOT NULL,
  	\`categories_sexual_violence\` text NOT NULL,
  	\`categories_stalking\` text NOT NULL,
  	\`categories_forced_marriage_honour_abuse\` text NOT NULL,
  	\`categories_fgm\` text NOT NULL,
  	\`categories_youth_diversion\` text NOT NULL,
  	\`categories_drugs_alcohol\` text NOT NULL,
  	\`categories_antisocial_behaviour\` text NOT NULL,
  	\`categories_burglary_theft\` text NOT NULL,
  	\`categories_hate_crime\` text NOT NULL,
  	\`categories_mental_health\` text NOT NULL,
  	\`categories_refuge\` text NOT NULL,
  	\`categories_housing\` text NOT NULL,
  	\`categories_legal_advice\` text NOT NULL,
  	\`categories_perpetrator_programmes\` text NOT NULL,
  	\`categories_victim_support\` text NOT NULL,
  	\`categories_community\` text NOT NULL,
  	\`audiences_everyone\` text NOT NULL,
  	\`audiences_women\` text NOT NULL,
  	\`audiences_men\` text NOT NULL,
  	\`audiences_lgbt_plus\` text NOT NULL,
  	\`audiences_children_young_people\` text NOT NULL,
  	\`audiences_parents_families\` text NOT NULL,
  	\`audiences_people_who_harm\` text NOT NULL,
  	\`audiences_professionals\` text NOT NULL,
  	\`access_modes_phone\` text NOT NULL,
  	\`access_modes_online\` text NOT NULL,
  	\`access_modes_drop_in\` text NOT NULL,
  	\`access_modes_referral\` text NOT NULL,
  	\`access_modes_outreach\` text NOT NULL,
  	\`step_free_access_yes\` text NOT NULL,
  	\`step_free_access_no\` text NOT NULL,
  	\`step_free_access_unknown\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`languages_code_idx\` ON \`languages\` (\`code\`);`)
  await db.run(sql`CREATE INDEX \`languages_updated_at_idx\` ON \`languages\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`languages_created_at_idx\` ON \`languages\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`site_settings_languages\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`site_settings\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`site_settings_languages_order_idx\` ON \`site_settings_languages\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`site_settings_languages_parent_idx\` ON \`site_settings_languages\` (\`parent_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`languages_id\` integer REFERENCES languages(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_languages_id_idx\` ON \`payload_locked_documents_rels\` (\`languages_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`languages\`;`)
  await db.run(sql`DROP TABLE \`site_settings_languages\`;`)
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
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`site_builds_id\`) REFERENCES \`site_builds\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`backups_id\`) REFERENCES \`backups\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`emails_id\`) REFERENCES \`emails\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`preview_links_id\`) REFERENCES \`preview_links\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "partnerships_id", "organisations_id", "strategies_id", "priorities_id", "services_id", "news_id", "meetings_id", "agenda_items_id", "reviews_id", "recommendations_id", "media_id", "users_id", "site_builds_id", "backups_id", "emails_id", "preview_links_id") SELECT "id", "order", "parent_id", "path", "partnerships_id", "organisations_id", "strategies_id", "priorities_id", "services_id", "news_id", "meetings_id", "agenda_items_id", "reviews_id", "recommendations_id", "media_id", "users_id", "site_builds_id", "backups_id", "emails_id", "preview_links_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_site_builds_id_idx\` ON \`payload_locked_documents_rels\` (\`site_builds_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_backups_id_idx\` ON \`payload_locked_documents_rels\` (\`backups_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_emails_id_idx\` ON \`payload_locked_documents_rels\` (\`emails_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_preview_links_id_idx\` ON \`payload_locked_documents_rels\` (\`preview_links_id\`);`)
}
