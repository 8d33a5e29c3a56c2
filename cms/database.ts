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
import { LibsqlError, type Client, type InStatement, type Transaction, type TransactionMode } from '@libsql/client'
import { Sqlite3Transaction } from '@libsql/client/sqlite3'
import Database from 'libsql'
import type { DatabaseAdapterObj } from 'payload'
import { migrations } from './migrations'
import { chooseDatabase } from './database-choice'
import { projectRoot } from './paths'
import { privateFilesSync, privateFolderSync } from './files/private'
import { serialiseWrites } from './sqlite-writes'

export { chooseDatabase, ConfigError, DEFAULT_SQLITE_FILE, type DatabaseChoice } from './database-choice'

export function databaseAdapter(value = process.env.DATABASE_URI): DatabaseAdapterObj {
  const choice = chooseDatabase(value)
  if (choice.kind === 'mongodb') {
    return mongooseAdapter({ url: choice.url })
  }
  // The default folder also holds the secret, media, backups and the mail outbox: only this account
  // may read it (cms/files/private.ts). A folder named by DATABASE_URI is the operator's to set.
  if (path.dirname(choice.file) === path.join(projectRoot, '.data')) privateFolderSync(path.dirname(choice.file))
  else mkdirSync(path.dirname(choice.file), { recursive: true })
  return fixSqliteWrites(sqliteAdapter({
    client: { url: choice.url },
    // The schema comes from committed migrations everywhere, never from dev-mode "push", so the
    // database a developer tests is the one production runs. Migrations run on start-up.
    push: false,
    prodMigrations: migrations,
    migrationDir: path.join(projectRoot, 'cms', 'migrations'),
    // WAL lets the site build read while the CMS writes; reported >3x faster than the default.
    wal: { journalSizeLimit: JOURNAL_SIZE_LIMIT, synchronous: 'NORMAL' },
    busyTimeout: BUSY_TIMEOUT_MS,
    // Off by default in the SQLite adapter; on here so a seed, an import or a multi-document save
    // is all-or-nothing, as it is on a MongoDB replica set.
    transactionOptions: {},
  }), choice.file)
}

const BUSY_TIMEOUT_MS = 5000
const JOURNAL_SIZE_LIMIT = 64 * 1024 * 1024

/**
 * Two fixes to how the SQLite adapter writes:
 * - writes queue in JavaScript (cms/sqlite-writes.ts), so writers at the same moment wait for each
 *   other instead of failing with SQLITE_BUSY;
 * - transactions run on connections kept for them and reused (TransactionConnections), not on
 *   connections libSQL's client hands away.
 */
function fixSqliteWrites(adapterObj: DatabaseAdapterObj, file: string): DatabaseAdapterObj {
  return {
    ...adapterObj,
    init: (args) => {
      const adapter = serialiseWrites(adapterObj.init(args)) as ReturnType<DatabaseAdapterObj['init']> & { client?: LibsqlClient }
      const connect = adapter.connect!.bind(adapter)
      adapter.connect = async (options) => {
        await connect(options)
        // Wherever it is, the database and its WAL are readable by this account only; SQLite gives a
        // WAL or shared-memory file it creates later the database file's own mode.
        privateFilesSync(file, `${file}-wal`, `${file}-shm`)
        const client = adapter.client
        if (!client || patched.has(client)) return
        patched.add(client)
        const connections = new TransactionConnections(file)
        client.transaction = ((mode?: TransactionMode) => connections.transaction(mode)) as Client['transaction']
        const close = client.close.bind(client)
        client.close = () => {
          connections.close()
          close()
        }
      }
      return adapter
    },
  }
}

const patched = new WeakSet<object>()

type LibsqlClient = Pick<Client, 'transaction' | 'close'>

/**
 * Connections for write transactions, each reused for the next transaction once its own has
 * ended.
 *
 * libSQL's client (0.14, and still in its latest source) hands its open connection to each
 * transaction and opens a fresh one for everything after it, and nothing ever closed the one the
 * transaction took: every write leaked a connection (~2 open files, ~250 KB) until the process
 * ran out of file handles (measured: +1040 open files over 520 writes). Closing that connection
 * after COMMIT does not help (measured: the same +1040): libsql's close() waits for the statements
 * prepared on it to be garbage-collected, and SQLite then keeps the database file's descriptor
 * open for as long as another connection in the process holds a lock on it, which in WAL mode
 * the client's own connection always does. So connections are not closed but reused; with writes
 * queued (cms/sqlite-writes.ts) one serves every transaction, and more open only if a writer stops
 * waiting its turn. The client's own connection is then never handed away, so the settings made
 * at connect (busy_timeout, synchronous) stay on it, and each of these gets them once, when opened.
 *
 * The transaction object is libSQL's own (Sqlite3Transaction), as the client makes it, so drizzle
 * (drizzle-orm/libsql session) gets the same behaviour, including its guard against statements
 * after SQLite has rolled back by itself; PooledTransaction only hands the connection back. Other transactions and readers use other connections, so nobody
 * sees a transaction's writes before its COMMIT (WAL).
 */
class TransactionConnections {
  private readonly idle: Database.Database[] = []
  private readonly all = new Set<Database.Database>()

  constructor(private readonly file: string) {}

  async transaction(mode: TransactionMode = 'write'): Promise<Transaction> {
    const connection = this.idle.pop() ?? this.open()
    try {
      connection.exec(BEGIN[mode])
      // A connection reads the schema's version only when a statement touches a table, so one
      // kept since another connection changed the schema can refuse DDL against its old copy
      // ("duplicate column name" from a migration run after a down migration): touch one.
      connection.exec(SCHEMA_CHECK)
    } catch (error) {
      if (connection.inTransaction) connection.exec('ROLLBACK')
      this.idle.push(connection)
      throw error instanceof Database.SqliteError ? new LibsqlError(error.message, error.code, error.rawCode, error) : error
    }
    return new PooledTransaction(new Sqlite3Transaction(connection, INT_MODE), connection, () => {
      if (this.all.has(connection)) this.idle.push(connection)
    })
  }

  private open(): Database.Database {
    const connection = new Database(this.file)
    try {
      connection.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}; PRAGMA synchronous = NORMAL; PRAGMA journal_size_limit = ${JOURNAL_SIZE_LIMIT};`)
    } catch (error) {
      connection.close()
      throw error
    }
    this.all.add(connection)
    return connection
  }

  close() {
    for (const connection of this.all) if (connection.open) connection.close()
    this.all.clear()
    this.idle.length = 0
  }
}

/**
 * libSQL's transaction, given back to the pool once it has ended (commit, rollback or close; a
 * failed commit leaves it open for the rollback drizzle makes next). From then on it refuses
 * everything, as libSQL's own does once its transaction has ended — here also because its
 * connection may by then be running the next transaction, which a late statement must not join.
 */
class PooledTransaction implements Transaction {
  #ended = false

  constructor(
    private readonly transaction: Sqlite3Transaction,
    private readonly connection: Database.Database,
    private readonly giveBack: () => void,
  ) {}

  get closed() {
    return this.#ended || this.transaction.closed
  }

  async execute(stmt: InStatement) {
    this.#checkNotEnded()
    return this.transaction.execute(stmt)
  }

  async batch(stmts: InStatement[]) {
    this.#checkNotEnded()
    return this.transaction.batch(stmts)
  }

  async executeMultiple(sql: string) {
    this.#checkNotEnded()
    return this.transaction.executeMultiple(sql)
  }

  async commit() {
    this.#checkNotEnded()
    return this.transaction.commit().finally(() => this.#giveBackIfEnded())
  }

  async rollback() {
    this.#checkNotEnded()
    return this.transaction.rollback().finally(() => this.#giveBackIfEnded())
  }

  close() {
    if (this.#ended) return
    try {
      this.transaction.close()
    } finally {
      this.#giveBackIfEnded()
    }
  }

  #giveBackIfEnded() {
    if (this.#ended || (this.connection.open && this.connection.inTransaction)) return
    this.#ended = true
    this.giveBack()
  }

  #checkNotEnded() {
    if (this.#ended) throw new LibsqlError('The transaction is closed', 'TRANSACTION_CLOSED')
  }
}

const SCHEMA_CHECK = 'SELECT 1 FROM sqlite_master LIMIT 0'
const BEGIN: Record<TransactionMode, string> = { write: 'BEGIN IMMEDIATE', read: 'BEGIN TRANSACTION READONLY', deferred: 'BEGIN DEFERRED' }
// The adapter's client is made with no intMode, so libSQL's default.
const INT_MODE = 'number'
