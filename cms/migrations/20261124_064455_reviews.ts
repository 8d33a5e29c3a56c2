import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`reviews_redaction_terms\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`term\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`reviews\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`reviews_redaction_terms_order_idx\` ON \`reviews_redaction_terms\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`reviews_redaction_terms_parent_id_idx\` ON \`reviews_redaction_terms\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`reviews\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`pseudonym\` text,
  	\`slug\` text,
  	\`year\` numeric,
  	\`review_type\` text DEFAULT 'domestic-homicide',
  	\`partnership_id\` integer,
  	\`status\` text DEFAULT 'commissioned',
  	\`published_at\` text,
  	\`qa_letter_received_on\` text,
  	\`executive_summary\` text,
  	\`report\` text,
  	\`qa_letter_id\` integer,
  	\`qa_letter_title\` text,
  	\`report_pdf_id\` integer,
  	\`report_pdf_title\` text,
  	\`publication_checks_family_consulted_on\` text,
  	\`publication_checks_criminal_proceedings\` text,
  	\`publication_checks_inquest\` text,
  	\`publication_checks_family_outcome\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`partnership_id\`) REFERENCES \`partnerships\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`qa_letter_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`report_pdf_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`reviews_slug_idx\` ON \`reviews\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`reviews_partnership_idx\` ON \`reviews\` (\`partnership_id\`);`)
  await db.run(sql`CREATE INDEX \`reviews_qa_letter_idx\` ON \`reviews\` (\`qa_letter_id\`);`)
  await db.run(sql`CREATE INDEX \`reviews_report_pdf_idx\` ON \`reviews\` (\`report_pdf_id\`);`)
  await db.run(sql`CREATE INDEX \`reviews_updated_at_idx\` ON \`reviews\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`reviews_created_at_idx\` ON \`reviews\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`reviews__status_idx\` ON \`reviews\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`_reviews_v_version_redaction_terms\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`term\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_reviews_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_reviews_v_version_redaction_terms_order_idx\` ON \`_reviews_v_version_redaction_terms\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_reviews_v_version_redaction_terms_parent_id_idx\` ON \`_reviews_v_version_redaction_terms\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_reviews_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_pseudonym\` text,
  	\`version_slug\` text,
  	\`version_year\` numeric,
  	\`version_review_type\` text DEFAULT 'domestic-homicide',
  	\`version_partnership_id\` integer,
  	\`version_status\` text DEFAULT 'commissioned',
  	\`version_published_at\` text,
  	\`version_qa_letter_received_on\` text,
  	\`version_executive_summary\` text,
  	\`version_report\` text,
  	\`version_qa_letter_id\` integer,
  	\`version_qa_letter_title\` text,
  	\`version_report_pdf_id\` integer,
  	\`version_report_pdf_title\` text,
  	\`version_publication_checks_family_consulted_on\` text,
  	\`version_publication_checks_criminal_proceedings\` text,
  	\`version_publication_checks_inquest\` text,
  	\`version_publication_checks_family_outcome\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`reviews\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_partnership_id\`) REFERENCES \`partnerships\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_qa_letter_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_report_pdf_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_reviews_v_parent_idx\` ON \`_reviews_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_reviews_v_version_version_slug_idx\` ON \`_reviews_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_reviews_v_version_version_partnership_idx\` ON \`_reviews_v\` (\`version_partnership_id\`);`)
  await db.run(sql`CREATE INDEX \`_reviews_v_version_version_qa_letter_idx\` ON \`_reviews_v\` (\`version_qa_letter_id\`);`)
  await db.run(sql`CREATE INDEX \`_reviews_v_version_version_report_pdf_idx\` ON \`_reviews_v\` (\`version_report_pdf_id\`);`)
  await db.run(sql`CREATE INDEX \`_reviews_v_version_version_updated_at_idx\` ON \`_reviews_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_reviews_v_version_version_created_at_idx\` ON \`_reviews_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_reviews_v_version_version__status_idx\` ON \`_reviews_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_reviews_v_created_at_idx\` ON \`_reviews_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_reviews_v_updated_at_idx\` ON \`_reviews_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_reviews_v_latest_idx\` ON \`_reviews_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`recommendations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`homicide_review_id\` integer,
  	\`recommendation\` text,
  	\`organisation_id\` integer,
  	\`due_date\` text,
  	\`order\` numeric,
  	\`status\` text DEFAULT 'not-started',
  	\`status_note\` text,
  	\`priority_id\` integer,
  	\`review_state\` text,
  	\`review_note\` text,
  	\`review_submitted_by_id\` integer,
  	\`review_submitted_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`homicide_review_id\`) REFERENCES \`reviews\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`organisation_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`priority_id\`) REFERENCES \`priorities\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`review_submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`recommendations_homicide_review_idx\` ON \`recommendations\` (\`homicide_review_id\`);`)
  await db.run(sql`CREATE INDEX \`recommendations_organisation_idx\` ON \`recommendations\` (\`organisation_id\`);`)
  await db.run(sql`CREATE INDEX \`recommendations_priority_idx\` ON \`recommendations\` (\`priority_id\`);`)
  await db.run(sql`CREATE INDEX \`recommendations_review_review_submitted_by_idx\` ON \`recommendations\` (\`review_submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`recommendations_updated_at_idx\` ON \`recommendations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`recommendations_created_at_idx\` ON \`recommendations\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`recommendations__status_idx\` ON \`recommendations\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`_recommendations_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_homicide_review_id\` integer,
  	\`version_recommendation\` text,
  	\`version_organisation_id\` integer,
  	\`version_due_date\` text,
  	\`version_order\` numeric,
  	\`version_status\` text DEFAULT 'not-started',
  	\`version_status_note\` text,
  	\`version_priority_id\` integer,
  	\`version_review_state\` text,
  	\`version_review_note\` text,
  	\`version_review_submitted_by_id\` integer,
  	\`version_review_submitted_at\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`recommendations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_homicide_review_id\`) REFERENCES \`reviews\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_organisation_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_priority_id\`) REFERENCES \`priorities\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_review_submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_recommendations_v_parent_idx\` ON \`_recommendations_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_recommendations_v_version_version_homicide_review_idx\` ON \`_recommendations_v\` (\`version_homicide_review_id\`);`)
  await db.run(sql`CREATE INDEX \`_recommendations_v_version_version_organisation_idx\` ON \`_recommendations_v\` (\`version_organisation_id\`);`)
  await db.run(sql`CREATE INDEX \`_recommendations_v_version_version_priority_idx\` ON \`_recommendations_v\` (\`version_priority_id\`);`)
  await db.run(sql`CREATE INDEX \`_recommendations_v_version_review_version_review_submitt_idx\` ON \`_recommendations_v\` (\`version_review_submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_recommendations_v_version_version_updated_at_idx\` ON \`_recommendations_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_recommendations_v_version_version_created_at_idx\` ON \`_recommendations_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_recommendations_v_version_version__status_idx\` ON \`_recommendations_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_recommendations_v_created_at_idx\` ON \`_recommendations_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_recommendations_v_updated_at_idx\` ON \`_recommendations_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_recommendations_v_latest_idx\` ON \`_recommendations_v\` (\`latest\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`reviews_id\` integer REFERENCES reviews(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`recommendations_id\` integer REFERENCES recommendations(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_reviews_id_idx\` ON \`payload_locked_documents_rels\` (\`reviews_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_recommendations_id_idx\` ON \`payload_locked_documents_rels\` (\`recommendations_id\`);`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`reviews_publication_window_months\` numeric DEFAULT 12 NOT NULL;`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`reviews_how_to_request\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`reviews_redaction_terms\`;`)
  await db.run(sql`DROP TABLE \`reviews\`;`)
  await db.run(sql`DROP TABLE \`_reviews_v_version_redaction_terms\`;`)
  await db.run(sql`DROP TABLE \`_reviews_v\`;`)
  await db.run(sql`DROP TABLE \`recommendations\`;`)
  await db.run(sql`DROP TABLE \`_recommendations_v\`;`)
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
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`site_builds_id\`) REFERENCES \`site_builds\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`backups_id\`) REFERENCES \`backups\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`emails_id\`) REFERENCES \`emails\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`preview_links_id\`) REFERENCES \`preview_links\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "partnerships_id", "organisations_id", "strategies_id", "priorities_id", "services_id", "news_id", "meetings_id", "agenda_items_id", "media_id", "users_id", "site_builds_id", "backups_id", "emails_id", "preview_links_id") SELECT "id", "order", "parent_id", "path", "partnerships_id", "organisations_id", "strategies_id", "priorities_id", "services_id", "news_id", "meetings_id", "agenda_items_id", "media_id", "users_id", "site_builds_id", "backups_id", "emails_id", "preview_links_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_site_builds_id_idx\` ON \`payload_locked_documents_rels\` (\`site_builds_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_backups_id_idx\` ON \`payload_locked_documents_rels\` (\`backups_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_emails_id_idx\` ON \`payload_locked_documents_rels\` (\`emails_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_preview_links_id_idx\` ON \`payload_locked_documents_rels\` (\`preview_links_id\`);`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`reviews_publication_window_months\`;`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`reviews_how_to_request\`;`)
}
