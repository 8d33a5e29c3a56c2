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
import { serialiseWrites } from './sqlite-writes'

export { chooseDatabase, ConfigError, DEFAULT_SQLITE_FILE, type DatabaseChoice } from './database-choice'

export function databaseAdapter(value = process.env.DATABASE_URI): DatabaseAdapterObj {
  const choice = chooseDatabase(value)
  if (choice.kind === 'mongodb') {
    return mongooseAdapter({ url: choice.url })
  }
  mkdirSync(path.dirname(choice.file), { recursive: true })
  return keepConnectionSettings(sqliteAdapter({
    client: { url: choice.url },
    // The schema comes from committed migrations everywhere, never from dev-mode "push", so the
    // database a developer tests is the one production runs. Migrations run on start-up.
    push: false,
    prodMigrations: migrations,
    migrationDir: path.join(projectRoot, 'cms', 'migrations'),
    // WAL lets the site build read while the CMS writes; reported >3x faster than the default.
    wal: { journalSizeLimit: 64 * 1024 * 1024, synchronous: 'NORMAL' },
    busyTimeout: BUSY_TIMEOUT_MS,
    // Off by default in the SQLite adapter; on here so a seed, an import or a multi-document save
    // is all-or-nothing, as it is on a MongoDB replica set.
    transactionOptions: {},
  }))
}

const BUSY_TIMEOUT_MS = 5000

/**
 * Two fixes to how the SQLite adapter writes, so writers at the same moment wait for each other
 * instead of failing with SQLITE_BUSY:
 * - writes queue in JavaScript (cms/sqlite-writes.ts);
 * - libSQL's client hands its open connection to each transaction and opens a fresh one for
 *   everything after it, without the settings the adapter made once at connect (busy_timeout,
 *   synchronous): they are re-applied to the new connection synchronously, before anything else
 *   can use it (the client's transaction() does its work before its first await).
 */
function keepConnectionSettings(adapterObj: DatabaseAdapterObj): DatabaseAdapterObj {
  return {
    ...adapterObj,
    init: (args) => {
      const adapter = serialiseWrites(adapterObj.init(args)) as ReturnType<DatabaseAdapterObj['init']> & { client?: LibsqlClient }
      const connect = adapter.connect!.bind(adapter)
      adapter.connect = async (options) => {
        await connect(options)
        const client = adapter.client
        if (!client || patched.has(client)) return
        patched.add(client)
        const transaction = client.transaction.bind(client)
        const settings = `PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}; PRAGMA synchronous = NORMAL;`
        client.transaction = ((mode?: 'write' | 'read' | 'deferred') => {
          const started = transaction(mode)
          void client.executeMultiple(settings).catch(() => undefined)
          return started
        }) as LibsqlClient['transaction']
      }
      return adapter
    },
  }
}

const patched = new WeakSet<object>()

type LibsqlClient = {
  transaction: (mode?: 'write' | 'read' | 'deferred') => Promise<unknown>
  executeMultiple: (sql: string) => Promise<void>
}
