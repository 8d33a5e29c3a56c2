/**
 * One SQLite writer at a time, inside the CMS process.
 *
 * SQLite allows one write transaction at a time, and libSQL's driver is synchronous: a statement
 * waiting on SQLite's busy timeout blocks Node's only thread, so the transaction it waits for can
 * never reach its COMMIT. Two requests writing at once therefore failed with SQLITE_BUSY
 * ("cannot begin transaction", answered 500) — at once, or after the whole timeout. Measured on
 * the running CMS: 4 of 6 accounts created at the same moment failed.
 *
 * So writers queue here, in JavaScript, where waiting costs nothing: a transaction holds the lock
 * from BEGIN to COMMIT or ROLLBACK, and a write made outside any transaction (Payload does some,
 * e.g. counting failed sign-ins) holds it for its one statement. Reads never wait (WAL). A wait is
 * bounded (WAIT_MS); past it the writer goes ahead and SQLite's own busy timeout decides, as
 * before — so a transaction that never ends, or a write nested inside another request's
 * transaction, cannot hang the CMS.
 */
import type { BaseDatabaseAdapter, PayloadRequest } from 'payload'

const WAIT_MS = 15_000
const HOLD_MS = 60_000

export class WriteQueue {
  private tail: Promise<void> = Promise.resolve()
  constructor(
    private readonly waitMs = WAIT_MS,
    private readonly holdMs = HOLD_MS,
  ) {}

  /** Resolves when it is this writer's turn (or the wait ran out); call the result to let the next one go. */
  async acquire(): Promise<() => void> {
    let free!: () => void
    const mine = new Promise<void>((resolve) => (free = resolve))
    const before = this.tail
    this.tail = before.then(() => mine)
    let timer: NodeJS.Timeout | undefined
    await Promise.race([before, new Promise<void>((resolve) => (timer = setTimeout(resolve, this.waitMs)))])
    clearTimeout(timer)
    let released = false
    const release = () => {
      if (released) return
      released = true
      clearTimeout(guard)
      free()
    }
    // A holder that never lets go (a leaked transaction) must not stop every later write.
    const guard = setTimeout(release, this.holdMs)
    guard.unref()
    return release
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire()
    try {
      return await work()
    } finally {
      release()
    }
  }
}

/** Work to do once a transaction has committed or rolled back, by transaction id (ids are UUIDs). */
const afterEnd = new Map<string | number, (() => void)[]>()

/**
 * Runs `callback` once the request's transaction (if it has one in this adapter) has ended —
 * after COMMIT, so what it wrote is visible to everyone — or at once when there is none.
 */
export async function whenTransactionEnds(req: Partial<PayloadRequest>, callback: () => void): Promise<void> {
  const transaction = req.transactionID instanceof Promise ? await req.transactionID : req.transactionID
  const waiting = transaction != null ? afterEnd.get(transaction) : undefined
  if (waiting) waiting.push(callback)
  else callback()
}

const WRITES = [
  'create', 'createGlobal', 'createGlobalVersion', 'createVersion', 'deleteMany', 'deleteOne', 'deleteVersions',
  'updateGlobal', 'updateGlobalVersion', 'updateJobs', 'updateMany', 'updateOne', 'updateVersion', 'upsert',
] as const

type Adapter = BaseDatabaseAdapter & { sessions?: Record<string, unknown> }
type Method = (this: Adapter, ...args: unknown[]) => Promise<unknown>

/** Makes every write of this adapter take its turn in `queue`. */
export function serialiseWrites(adapter: Adapter, queue = new WriteQueue()): Adapter {
  const holders = new Map<string | number, () => void>()
  const begin = adapter.beginTransaction as unknown as Method
  const commit = adapter.commitTransaction as unknown as Method
  const rollback = adapter.rollbackTransaction as unknown as Method
  const id = async (incoming: unknown) => (incoming instanceof Promise ? await incoming : incoming) as string | number
  const end = (transaction: string | number) => {
    holders.get(transaction)?.()
    holders.delete(transaction)
    const callbacks = afterEnd.get(transaction) ?? []
    afterEnd.delete(transaction)
    for (const callback of callbacks) callback()
  }

  Object.assign(adapter, {
    async beginTransaction(this: Adapter, ...args: unknown[]) {
      const release = await queue.acquire()
      try {
        const transaction = (await begin.apply(this, args)) as string | number | null
        if (transaction == null) release()
        else {
          holders.set(transaction, release)
          afterEnd.set(transaction, [])
        }
        return transaction
      } catch (error) {
        release()
        throw error
      }
    },
    async commitTransaction(this: Adapter, incoming: unknown) {
      const transaction = await id(incoming)
      try {
        return await commit.call(this, transaction)
      } finally {
        end(transaction)
      }
    },
    async rollbackTransaction(this: Adapter, incoming: unknown) {
      const transaction = await id(incoming)
      try {
        return await rollback.call(this, transaction)
      } finally {
        end(transaction)
      }
    },
  })

  for (const name of WRITES) {
    const write = (adapter as unknown as Record<string, Method>)[name]
    if (typeof write !== 'function') continue
    ;(adapter as unknown as Record<string, Method>)[name] = async function (this: Adapter, ...args: unknown[]) {
      const req = (args[0] as { req?: Partial<PayloadRequest> } | undefined)?.req
      const transaction = req?.transactionID ? await id(req.transactionID) : undefined
      // Inside a transaction this request already holds the queue.
      if (transaction != null && holders.has(transaction)) return write.apply(this, args)
      return queue.run(() => write.apply(this, args))
    }
  }
  return adapter
}
