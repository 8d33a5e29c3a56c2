/**
 * Drops the anonymous-read cache (anonymous-cache.ts) on every database write, however it is made:
 * REST, the admin, a scheduled publish run by the jobs queue, a hook writing through the adapter
 * directly (cms/directory/confirmation.ts does). Hooks on each collection would miss those adapter
 * writes, so the adapter's write methods themselves are wrapped.
 *
 * A write inside a transaction is not visible to other readers until the commit, and a reader
 * that ran in between would have cached the old answer; so a write drops the cache at once and
 * again when its transaction commits. Payload's own bookkeeping (admin preferences, document
 * locks, the jobs queue, migrations) is left out: anonymous readers cannot read it, and the admin
 * writes locks and preferences constantly.
 */
import type { BaseDatabaseAdapter, Payload, SanitizedConfig } from 'payload'
import { dropAnonymousCache } from './anonymous-cache'

const WRITES = [
  'create',
  'createGlobal',
  'createGlobalVersion',
  'createVersion',
  'deleteMany',
  'deleteOne',
  'deleteVersions',
  'updateGlobal',
  'updateGlobalVersion',
  'updateMany',
  'updateOne',
  'updateVersion',
  'upsert',
] as const satisfies readonly (keyof BaseDatabaseAdapter)[]

const BOOKKEEPING = new Set(['payload-preferences', 'payload-locked-documents', 'payload-jobs', 'payload-migrations'])

type WriteArgs = { collection?: string; req?: { transactionID?: number | string | Promise<number | string> } }

/** Per adapter: the transactions that wrote, whose commit drops the cache again. */
const dirtyOf = new WeakMap<object, Set<number | string>>()
/** Per adapter: how many writes, commits and rollbacks so far (writeGeneration). */
const generations = new WeakMap<object, { n: number }>()

/**
 * A number that changes whenever what any reader of this adapter could see may have changed: each
 * write, commit and rollback made through it. Undefined for an adapter these wrappers are not on
 * (nothing is counted there), so nobody can mistake "not counted" for "not changed".
 */
export const writeGeneration = (db: Payload['db']): number | undefined => generations.get(db)?.n

/**
 * For a write made below the adapter's methods (the seeder's bulk writer, cms/seed/bulk.ts, inserts
 * rows itself): drops the cache now and again when the transaction commits, as a wrapped write does.
 */
export async function noteWrite(db: Payload['db'], transactionID: number | string | Promise<number | string> | undefined) {
  dropAnonymousCache()
  const generation = generations.get(db)
  if (generation) generation.n++
  const transaction = await transactionID
  if (transaction !== undefined && transaction !== null) dirtyOf.get(db)?.add(transaction)
}

/** Wraps `payload.db`'s writes and commits. Exported for the unit test; used by the config below. */
export function dropCacheOnWrites(db: Payload['db']) {
  const dirty = new Set<number | string>()
  dirtyOf.set(db, dirty)
  const generation = { n: 0 }
  generations.set(db, generation)
  const anyDb = db as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>
  for (const method of WRITES) {
    const original = anyDb[method]
    if (typeof original !== 'function') continue
    anyDb[method] = async function (this: unknown, ...args: unknown[]) {
      const { collection, req } = (args[0] ?? {}) as WriteArgs
      generation.n++
      if (collection && BOOKKEEPING.has(collection)) {
        try {
          return await original.apply(this, args)
        } finally {
          generation.n++
        }
      }
      dropAnonymousCache()
      try {
        return await original.apply(this, args)
      } finally {
        generation.n++
        const transaction = await req?.transactionID
        if (transaction !== undefined && transaction !== null) dirty.add(transaction)
        dropAnonymousCache()
      }
    }
  }
  const commit = db.commitTransaction.bind(db)
  db.commitTransaction = async (id) => {
    const transaction = await id
    try {
      return await commit(id)
    } finally {
      generation.n++
      if (transaction !== undefined && dirty.delete(transaction)) dropAnonymousCache()
    }
  }
  const rollback = db.rollbackTransaction.bind(db)
  db.rollbackTransaction = async (id) => {
    const transaction = await id
    try {
      return await rollback(id)
    } finally {
      generation.n++
      if (transaction !== undefined) dirty.delete(transaction)
    }
  }
}

/** Added to the config last (cms/payload.config.ts), so it wraps whatever adapter is chosen. */
export const dropAnonymousCacheOnWrites = (config: SanitizedConfig): SanitizedConfig => {
  const onInit = config.onInit
  config.onInit = async (payload: Payload) => {
    dropCacheOnWrites(payload.db)
    await onInit?.(payload)
  }
  return config
}
