/**
 * New records written in bulk, for the seeder on SQLite (issue 19: 10,000 directory entries in
 * ≤ 20 s; one `payload.create` each took 78–124 s).
 *
 * Where a create's time went (1,258 records, CPU profile and adapter timings; bench/README.md):
 * about 70 % in the database adapter — per record a main-row INSERT, one INSERT per hasMany
 * table, a read-back of the whole row with all its joins, the same again for the version, an
 * UPDATE of older versions' `latest` flag and a `findVersions` to enforce `maxPerDoc`, 13.6
 * statements a record, each prepared afresh — and most of the rest in the parts of Payload's
 * create that only shape the returned document (afterRead, deep copies).
 *
 * So a new record here takes the part of Payload's create operation that decides what is
 * written, in the same order and with the same functions (payload/dist/collections/operations/
 * create.js, 3.90): beforeOperation hooks, field beforeValidate (defaults, the slug made from the
 * name, …), the collection's beforeValidate and beforeChange hooks (review state, confirmation,
 * confidential locations, the publish consistency checks), field beforeChange (every field's
 * validation; drafts are not validated, as `versions.drafts.validate: false` says), and then
 * Payload's own row builder (`upsertRow` of @payloadcms/drizzle) for the document and its version,
 * exactly as the SQLite adapter's `create` and `createVersion` call it. Only the INSERTs are held
 * back: ids are given in the order SQLite would give them (max(rowid) + 1: Payload's tables have
 * no AUTOINCREMENT), and every 2,000 records the rows go to the database table by table, many rows
 * a statement, in the seed's one transaction — so a failure anywhere still rolls everything back.
 * The version is then made, as Payload makes it, from the document read back from its rows (one
 * query for many records), and the collection's afterChange hooks run with that document.
 *
 * What is left out, and why it changes nothing for a new record:
 * - afterRead and the operation's deep copies: they shape the returned document, which the seeder
 *   does not use beyond its id;
 * - `UPDATE … SET latest = false` of the document's older versions, and enforcing `maxPerDoc`:
 *   a new document has no other version;
 * - field afterChange hooks: a collection with any is not written here (`accepts`).
 * Uploads, auth collections and localized configs are not written here either; nor is anything
 * on MongoDB (the adapter is SQLite's). Those keep the Local API, record by record, as do records
 * that already exist (updates).
 * tests/int/seed-bulk.int.test.ts seeds the same corpus both ways and compares every table's rows.
 */
import { upsertRow } from '@payloadcms/drizzle'
import { sql } from '@payloadcms/db-sqlite'
import {
  beforeChangeTraverseFields,
  beforeValidateTraverseFields,
  buildVersionCollectionFields,
  deepCopyObjectSimple,
  ValidationError,
  type CollectionSlug,
  type Field,
  type Payload,
  type PayloadRequest,
  type SanitizedCollectionConfig,
} from 'payload'
import { noteWrite } from '../cache/drop-on-write'
import { hasDrafts } from '../versions'

type Id = number | string
type Row = Record<string, unknown>
type Json = Record<string, unknown>
type Written = { config: SanitizedCollectionConfig; id: Id; data: Json }

/** The parts of the drizzle adapter used here (its types are not exported for this use). */
type DrizzleAdapter = {
  packageName?: string
  tables: Record<string, unknown>
  tableNameMap: Map<string, string>
  versionsSuffix?: string
  sessions?: Record<string, { db: DrizzleDb }>
  drizzle: DrizzleDb
  insert: (args: { db: unknown; tableName: string; values: Row | Row[]; onConflictDoUpdate?: unknown }) => Promise<Row[]>
}
type DrizzleDb = {
  get: (query: unknown) => Promise<unknown>
  insert: (table: unknown) => { values: (rows: Row[]) => Promise<unknown> }
  /** drizzle-orm/libsql: the session, holding the libSQL transaction (cms/database.ts's PooledTransaction). */
  session?: { tx?: LibsqlTx }
}
type LibsqlTx = { execute: (statement: { sql: string; args: unknown[] }) => Promise<unknown> }
/** What drizzle's INSERT reads of a column (drizzle-orm/sqlite-core/dialect.js buildInsertQuery). */
type DrizzleColumn = {
  name: string
  default?: unknown
  defaultFn?: () => unknown
  onUpdateFn?: () => unknown
  shouldDisableInsert: () => boolean
  mapToDriverValue: (value: unknown) => unknown
}
type DrizzleTable = Record<symbol, unknown> & { [COLUMNS]: Record<string, DrizzleColumn> }
const COLUMNS: unique symbol = Symbol.for('drizzle:Columns') as never
const TABLE_NAME = Symbol.for('drizzle:Name')

/** Rows a statement at most: SQLite takes up to 32,766 bound values in one statement. */
const MAX_VALUES = 30_000
const MAX_ROWS = 1_000

/** Collection slug → table name, as @payloadcms/drizzle names them (to-snake-case). */
const snake = (slug: string) => slug.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[-\s]+/g, '_').toLowerCase()

const hasFieldAfterChange = (fields: Field[]): boolean =>
  fields.some((field) => {
    if ('hooks' in field && field.hooks?.afterChange?.length) return true
    if ('fields' in field && Array.isArray(field.fields) && hasFieldAfterChange(field.fields)) return true
    if (field.type === 'tabs') return field.tabs.some((tab) => hasFieldAfterChange(tab.fields))
    if (field.type === 'blocks') return (field.blocks ?? []).some((block) => typeof block === 'object' && hasFieldAfterChange(block.fields))
    return false
  })

export class BulkWriter {
  /** Records held before their rows are written (a test sets it low to write part-way through collections). */
  static flushEvery = 2_000

  /** Rows waiting, by table, in the order Payload's row builder made them (parents first). */
  private readonly pendingRows = new Map<string, Row[]>()
  /** Collections with rows waiting. */
  private readonly pendingCollections = new Set<string>()
  /** The next id per table; forgotten at every flush, so writes in between are seen. */
  private readonly nextIds = new Map<string, number>()
  /** Adapter reads wrapped so they first write what waits for their collection. */
  private readonly restore: (() => void)[] = []
  private readonly eligible = new Map<string, boolean>()
  /** Records whose rows wait, in the order they were made: their versions follow at the flush. */
  private readonly written: Written[] = []
  /** The adapter's own find, not the guarded one (the flush itself reads back what it wrote). */
  private originalFind!: (args: Json) => Promise<unknown>
  /** Reads answered in this transaction since its last write, by what was asked (guardReads). */
  private readonly answers = new Map<string, Promise<unknown>>()
  /** The collections being flushed, to name one in an error. */
  private flushing: string[] = []

  /** The transaction's libSQL handle, for the INSERTs (insertStatement); without one, drizzle's own insert. */
  private readonly client: LibsqlTx | undefined

  private constructor(
    private readonly payload: Payload,
    private readonly req: PayloadRequest,
    private readonly adapter: DrizzleAdapter,
    private readonly db: DrizzleDb,
    private readonly transaction: string | number,
  ) {
    this.client = typeof db.session?.tx?.execute === 'function' ? db.session.tx : undefined
    this.guardReads()
  }

  /**
   * A writer for this request's transaction, or null where records go one by one through the
   * Local API: on MongoDB, or with no transaction to make the whole seed all-or-nothing.
   */
  static async open(payload: Payload, req: PayloadRequest): Promise<BulkWriter | null> {
    const adapter = payload.db as unknown as DrizzleAdapter
    if (adapter.packageName !== '@payloadcms/db-sqlite' || payload.config.localization) return null
    const transaction = req.transactionID instanceof Promise ? await req.transactionID : req.transactionID
    const db = transaction != null ? adapter.sessions?.[String(transaction)]?.db : undefined
    return db ? new BulkWriter(payload, req, adapter, db, transaction!) : null
  }

  /** Can a new record of this collection be written here? (See the notes at the top.) */
  accepts(collection: CollectionSlug): boolean {
    let ok = this.eligible.get(collection)
    if (ok === undefined) {
      const config = this.payload.collections[collection]?.config
      ok = Boolean(
        config &&
          !config.upload &&
          !config.auth &&
          !(typeof config.versions === 'object' && config.versions?.drafts && typeof config.versions.drafts === 'object' && config.versions.drafts.autosave) &&
          !hasFieldAfterChange(config.fields) &&
          this.adapter.tableNameMap.has(snake(config.slug)),
      )
      this.eligible.set(collection, ok)
    }
    return ok
  }

  /**
   * Validates a new record as Payload's create does and queues its rows (and its version's);
   * returns the id it will have. `draft`: saved as a draft only (not validated, as in Payload).
   */
  async create(collection: CollectionSlug, incoming: Json, { draft = false }: { draft?: boolean } = {}): Promise<Id> {
    const { payload, req } = this
    const config = payload.collections[collection].config
    // beforeOperation – collection (payload: buildBeforeOperation)
    let args: Json = { collection: payload.collections[collection], data: incoming, draft, overrideAccess: true, req }
    for (const hook of config.hooks?.beforeOperation ?? []) {
      const result = await hook({ args: args as never, collection: config, context: req.context, operation: 'create', overrideAccess: true, req })
      if (result !== undefined) args = result as Json
    }
    let data = args.data as Json
    const isSavingDraft = Boolean(args.draft) && hasDrafts(config)
    if (isSavingDraft) data._status = 'draft'
    // beforeValidate – fields (payload: fields/hooks/beforeValidate/index.js)
    await beforeValidateTraverseFields({
      collection: config, context: req.context, data, doc: {}, docForHooks: {}, fields: config.fields, global: null, operation: 'create', overrideAccess: true,
      parentIndexPath: '', parentIsLocalized: false, parentPath: '', parentSchemaPath: '', req, siblingData: data, siblingDoc: {},
    } as never)
    // beforeValidate, then beforeChange – collection
    for (const hook of config.hooks?.beforeValidate ?? []) data = ((await hook({ collection: config, context: req.context, data, operation: 'create', originalDoc: {}, req } as never)) as Json) || data
    for (const hook of config.hooks?.beforeChange ?? []) data = ((await hook({ collection: config, context: req.context, data, operation: 'create', originalDoc: {}, req } as never)) as Json) || data
    // beforeChange – fields: hooks, validation, the value as stored (payload: fields/hooks/beforeChange/index.js)
    const stored = deepCopyObjectSimple(data) as Json
    const errors: { message: string; path: string }[] = []
    await beforeChangeTraverseFields({
      collection: config, context: req.context, data: stored, doc: {}, docWithLocales: {}, errors, fieldLabelPath: '', fields: config.fields, global: null,
      mergeLocaleActions: [], operation: 'create', overrideAccess: true, parentIndexPath: '', parentIsLocalized: false, parentPath: '', parentSchemaPath: '',
      req, siblingData: stored, siblingDoc: {}, siblingDocWithLocales: {},
      skipValidation: isSavingDraft && !(typeof config.versions === 'object' && config.versions?.drafts && typeof config.versions.drafts === 'object' && config.versions.drafts.validate),
    } as never)
    if (errors.length) throw new ValidationError({ collection: config.slug, errors, req }, req.t)

    // The write: the SQLite adapter's create(), then createVersion(), with the INSERTs held back.
    await this.before(collection)
    const tableName = this.adapter.tableNameMap.get(snake(config.slug))!
    const { id } = (await upsertRow({
      adapter: this.queueing() as never, collectionSlug: config.slug, data: stored, db: this.db as never, fields: config.flattenedFields,
      ignoreResult: 'idOnly', operation: 'create', req, tableName,
    })) as { id: Id }
    this.pendingCollections.add(collection)
    this.written.push({ config, id, data: stored })
    // Held rows are garbage the collector walks again and again: a few thousand records at a time.
    if (this.written.length >= BulkWriter.flushEvery) await this.flush()
    return id
  }

  /**
   * What follows the write in Payload's create, for the records just written: the version, made
   * (as Payload makes it) from the document read back from its rows, then the collection's
   * afterChange hooks with that document. The read-back is the adapter's own, one query for many
   * records; it is what turns "2026-03-15" into "2026-03-15T00:00:00.000Z" in the version, say.
   */
  private async afterWrite(written: Written[]) {
    const byCollection = new Map<string, Written[]>()
    for (const w of written) byCollection.set(w.config.slug, [...(byCollection.get(w.config.slug) ?? []), w])
    const docs = new Map<string, Json>()
    for (const [collection, list] of byCollection)
      for (let i = 0; i < list.length; i += MAX_ROWS) {
        const ids = list.slice(i, i + MAX_ROWS).map((w) => w.id)
        const found = (await this.originalFind({ collection, where: { id: { in: ids } }, joins: false, limit: 0, pagination: false, req: this.req })) as { docs: Json[] }
        // Payload's sanitizeInternalFields (not exported) renames MongoDB's _id and drops __v; SQLite has neither.
        for (const doc of found.docs) docs.set(`${collection}:${String(doc.id)}`, doc)
      }
    for (const { config, id } of written) if (config.versions) await this.version(config, docs.get(`${config.slug}:${String(id)}`)!)
    await this.insertPending()
    for (const { config, id, data } of written) {
      const doc = docs.get(`${config.slug}:${String(id)}`)!
      for (const hook of config.hooks?.afterChange ?? []) await hook({ collection: config, context: this.req.context, data, doc, operation: 'create', previousDoc: {}, req: this.req } as never)
    }
  }

  /** The version row of a new document (payload: versions/saveVersion.js → drizzle createVersion.js). */
  private async version(config: SanitizedCollectionConfig, doc: Json) {
    const now = new Date().toISOString()
    const version = deepCopyObjectSimple(doc) as Json
    delete version.id
    const tableName = this.adapter.tableNameMap.get(`_${snake(config.slug)}${this.adapter.versionsSuffix ?? '_v'}`)!
    await upsertRow({
      adapter: this.queueing() as never, collectionSlug: config.slug,
      data: { autosave: false, createdAt: now, latest: true, parent: doc.id, publishedLocale: undefined, snapshot: undefined, updatedAt: now, version },
      db: this.db as never, fields: buildVersionCollectionFields(this.payload.config, config, true), ignoreResult: 'idOnly', operation: 'create', req: this.req, tableName,
    })
  }

  /** The adapter as upsertRow sees it, except that its INSERTs are queued and answered with the ids SQLite would give. */
  private queueing(): DrizzleAdapter {
    const queue = Object.create(this.adapter) as DrizzleAdapter
    queue.insert = async ({ tableName, values, onConflictDoUpdate }) => {
      if (onConflictDoUpdate) throw new Error('BulkWriter writes new records only')
      const rows = Array.isArray(values) ? values : [values]
      const pending = this.pendingRows.get(tableName) ?? []
      this.pendingRows.set(tableName, pending)
      const out: Row[] = []
      for (const row of rows) {
        if (row.id == null) row.id = await this.nextId(tableName)
        pending.push(row)
        out.push({ ...row })
      }
      return out
    }
    return queue
  }

  private async nextId(tableName: string): Promise<number> {
    let next = this.nextIds.get(tableName)
    if (next === undefined) {
      const row = (await this.db.get(sql`select max(rowid) as m from ${this.adapter.tables[tableName]}`)) as { m: number | null } | unknown[] | undefined
      const max = Array.isArray(row) ? row[0] : (row as { m: number | null } | undefined)?.m
      next = Number(max ?? 0) + 1
    }
    this.nextIds.set(tableName, next + 1)
    return next
  }

  /** Rows wait for one collection at a time: another collection's record may read them (its relations). */
  private async before(collection: string) {
    if (this.pendingCollections.size && !this.pendingCollections.has(collection)) await this.flush()
  }

  /** Has this writer rows waiting? */
  get pending(): boolean {
    return this.pendingRows.size > 0
  }

  /** Writes every waiting record: its rows, then its version's, many rows a statement. */
  async flush(): Promise<void> {
    if (!this.pendingRows.size) return
    const written = this.written.splice(0)
    this.flushing = [...this.pendingCollections]
    this.pendingCollections.clear()
    await noteWrite(this.payload.db, this.req.transactionID as never)
    this.answers.clear()
    await this.insertPending()
    await this.afterWrite(written)
    this.answers.clear()
    this.nextIds.clear()
  }

  /** Inserts the waiting rows table by table, in the order they were made (parents first). */
  private async insertPending() {
    const tables = [...this.pendingRows]
    const collections = this.flushing
    this.pendingRows.clear()
    for (const [tableName, rows] of tables) {
      const table = this.adapter.tables[tableName] as DrizzleTable
      const columns = Object.entries(table[COLUMNS]).filter(([, column]) => !column.shouldDisableInsert())
      const size = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_VALUES / Math.max(1, columns.length))))
      for (let i = 0; i < rows.length; i += size) {
        const chunk = rows.slice(i, i + size)
        try {
          const statement = this.client && insertStatement(table, columns, chunk)
          if (statement) await this.client!.execute(statement)
          else await this.db.insert(table).values(chunk)
        } catch (error) {
          throw uniqueError(error, tableName, chunk, collections, this.req) ?? error
        }
      }
    }
  }

  /**
   * The adapter's reads and writes, for this transaction only (another request in the same process
   * passes straight through; it cannot write while this transaction holds SQLite's write lock):
   * - while rows wait, a read of their collection (a validation or hook asking the database), and
   *   any write, first writes them: the read sees what a record-by-record seed would have written
   *   by then, and the write neither takes an id handed out here nor points at a row not yet there;
   * - a read asked again with nothing written since gets the same answer without the database:
   *   the publish consistency check asks, for each of 10,000 entries, whether its organisation
   *   (one of 500) is public. Any write forgets every answer. Each caller gets its own copy.
   */
  private guardReads() {
    const adapter = this.adapter as unknown as Record<string, unknown>
    const methods = ['find', 'findOne', 'findDistinct', 'count', 'countVersions', 'findVersions', 'queryDrafts', 'create', 'createVersion', 'updateOne', 'updateMany', 'deleteOne', 'deleteMany', 'updateVersion', 'deleteVersions', 'upsert']
    for (const name of methods) {
      const own = Object.prototype.hasOwnProperty.call(adapter, name)
      const original = adapter[name]
      if (typeof original !== 'function') continue
      const call = (args: unknown, rest: unknown[]) => (original as (...a: unknown[]) => Promise<unknown>).call(adapter, args, ...rest)
      if (name === 'find') this.originalFind = (args) => call(args, [])
      const write = !name.startsWith('find') && !name.startsWith('count') && name !== 'queryDrafts'
      adapter[name] = async (args: { collection?: string; collectionSlug?: string; req?: Partial<PayloadRequest> }, ...rest: unknown[]) => {
        const transaction = args?.req?.transactionID instanceof Promise ? await args.req.transactionID : args?.req?.transactionID
        if (transaction == null || transaction !== this.transaction) return call(args, rest)
        const collection = args.collection ?? args.collectionSlug
        // A write may point at waiting rows (an agenda item at its meeting): they go first.
        if (this.pendingRows.size && (write || collection === undefined || this.pendingCollections.has(collection))) await this.flush()
        if (write) {
          this.answers.clear()
          return call(args, rest)
        }
        const key = rest.length ? undefined : answerKey(name, args)
        if (key === undefined) return call(args, rest)
        let answer = this.answers.get(key)
        if (!answer) this.answers.set(key, (answer = call(args, rest)))
        let result: unknown
        try {
          result = await answer
        } catch (error) {
          this.answers.delete(key)
          throw error
        }
        try {
          return structuredClone(result)
        } catch {
          // Not a plain answer (nothing this adapter returns today): not kept, asked afresh.
          this.answers.delete(key)
          return call(args, rest)
        }
      }
      this.restore.push(() => {
        if (own) adapter[name] = original
        else delete adapter[name]
      })
    }
  }

  /** Puts the adapter back as it was (the rows must have been flushed, or the transaction ended). */
  close() {
    for (const restore of this.restore.splice(0)) restore()
  }
}

/** SQLite's "UNIQUE constraint failed: services.slug" as Payload words it on a single create (its handleUpsertError). */
function uniqueError(error: unknown, tableName: string, chunk: Row[], collections: string[], req: PayloadRequest): ValidationError | null {
  const message = String((error as { message?: unknown })?.message ?? '') + String((error as { cause?: { message?: unknown } })?.cause?.message ?? '')
  const match = /UNIQUE constraint failed: ([\w.]+)/.exec(message)
  if (!match) return null
  const column = match[1]!.split('.').pop()!
  const field = column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())
  const seen = new Set<unknown>()
  const value = chunk.map((row) => row[field]).find((v) => (seen.has(v) ? true : (seen.add(v), false)))
  return new ValidationError(
    {
      collection: collections[0] ?? tableName,
      errors: [{ message: `${req.t ? req.t('error:valueMustBeUnique') : 'Value must be unique'}${value !== undefined ? ` (${String(value)})` : ''}`, path: field }],
      req,
    },
    req.t,
  )
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`
const PLAIN = new Set(['string', 'number', 'bigint', 'boolean'])

/**
 * The multi-row INSERT drizzle would send for these rows (drizzle-orm/sqlite-core/dialect.js
 * buildInsertQuery, insert.js values): every insertable column in the table's order; a value as the
 * column maps it for the driver; a value left out as the column's default — a constant, or its
 * function's — else null. Built here because drizzle's builder costs about 25 µs a row (a check and
 * a wrapper per value), seconds at 10,000 records; tests/int/seed-bulk.int.test.ts compares the
 * rows. Null when a row needs what only drizzle can write (an SQL default such as SQLite's clock,
 * an SQL value, a value the driver does not take as it is): the caller then uses drizzle.
 */
export function insertStatement(table: DrizzleTable, columns: [string, DrizzleColumn][], rows: Row[]): { sql: string; args: unknown[] } | null {
  const args: unknown[] = []
  for (const row of rows)
    for (const [key, column] of columns) {
      let value = row[key]
      if (value === undefined) {
        if (column.default !== undefined && column.default !== null) {
          if (typeof column.default === 'object') return null
          value = column.default
        } else if (column.defaultFn !== undefined) value = column.defaultFn()
        else if (column.onUpdateFn !== undefined) value = column.onUpdateFn()
        else value = null
      }
      if (value !== null) {
        if (typeof value === 'object' && !(value instanceof Date) && !Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype) return null
        value = column.mapToDriverValue(value)
        if (value !== null && !PLAIN.has(typeof value)) return null
      }
      args.push(value)
    }
  const one = `(${columns.map(() => '?').join(', ')})`
  return {
    sql: `insert into ${quote(String(table[TABLE_NAME]))} (${columns.map(([, column]) => quote(column.name)).join(', ')}) values ${rows.map(() => one).join(', ')}`,
    args,
  }
}

/** What a read asked, as a key: everything but the request (the same transaction, by then). Undefined when it cannot be written down. */
function answerKey(method: string, args: Record<string, unknown>): string | undefined {
  try {
    return JSON.stringify([method, { ...args, req: undefined }], (_key, value: unknown) => {
      if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') throw new Error('not a plain value')
      return value
    })
  } catch {
    return undefined
  }
}
