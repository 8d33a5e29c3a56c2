/**
 * Chooses the database adapter from DATABASE_URI, the one switch between the embedded default and
 * production:
 *   unset or file:…        → SQLite file (default .data/csp-hub.db), WAL journal mode
 *   mongodb:// mongodb+srv:// → MongoDB (use a replica set so Payload can use transactions)
 * Anything else stops start-up with a message naming DATABASE_URI and the accepted forms.
 */
import path from 'node:path'
import { mkdirSync } from 'node:fs'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { mongooseAdapter } from '@payloadcms/db-mongodb'
import type { DatabaseAdapterObj } from 'payload'
import { migrations } from './migrations'
import { chooseDatabase } from './database-choice'
import { projectRoot } from './paths'

export { chooseDatabase, ConfigError, DEFAULT_SQLITE_FILE, type DatabaseChoice } from './database-choice'

export function databaseAdapter(value = process.env.DATABASE_URI): DatabaseAdapterObj {
  const choice = chooseDatabase(value)
  if (choice.kind === 'mongodb') {
    return mongooseAdapter({ url: choice.url })
  }
  mkdirSync(path.dirname(choice.file), { recursive: true })
  return sqliteAdapter({
    client: { url: choice.url },
    // The schema comes from committed migrations everywhere, never from dev-mode "push", so the
    // database a developer tests is the one production runs. Migrations run on start-up.
    push: false,
    prodMigrations: migrations,
    migrationDir: path.join(projectRoot, 'cms', 'migrations'),
    // WAL lets the site build read while the CMS writes; reported >3x faster than the default.
    wal: { journalSizeLimit: 64 * 1024 * 1024, synchronous: 'NORMAL' },
    busyTimeout: 5000,
    // Off by default in the SQLite adapter; on here so a seed, an import or a multi-document save
    // is all-or-nothing, as it is on a MongoDB replica set.
    transactionOptions: {},
  })
}
