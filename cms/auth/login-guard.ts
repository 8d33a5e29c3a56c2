/**
 * Sign-in that tells an attacker nothing and slows guessing down:
 * - the answer to a wrong password, an unknown email and a locked account is the same message
 *   and status (Payload says "locked" only for real, locked accounts);
 * - it takes the same time: Payload hashes the password only for real accounts, so an unknown or
 *   locked account is answered after hashing the password against a dummy hash with Payload's
 *   own parameters (PBKDF2-SHA256, 600,000 iterations, 32 bytes: Payload 3.90's `pbkdf2-sha256-v1`);
 * - failed sign-ins are counted per client address as well as per account (Payload's lockout),
 *   so trying one password on many accounts is slowed too: after LOGIN_MAX_FAILURES_PER_ADDRESS
 *   failures (default 20) in LOGIN_FAILURE_WINDOW_MINUTES (default 15) that address gets 429
 *   until the window has passed. Counts live in the CMS process's memory (see README: several
 *   CMS instances each count their own).
 */
import { pbkdf2, randomBytes } from 'node:crypto'
import { promisify } from 'node:util'
import { APIError, AuthenticationError, LockedAuth, type CollectionAfterErrorHook, type CollectionAfterOperationHook, type CollectionBeforeOperationHook, type PayloadRequest } from 'payload'
import { whenTransactionEnds, WriteQueue } from '../sqlite-writes'
import { CLIENT_IP_HEADER } from './client-ip'

export const FAILED_SIGN_IN_MESSAGE =
  'The email or password is not right. After 5 wrong passwords an account is locked for 10 minutes; ask your comms team if you are stuck.'

/** Failures per key within a sliding window. */
export class FailureCounter {
  private readonly failures = new Map<string, number[]>()
  constructor(
    readonly max: number,
    readonly windowMs: number,
    private readonly now = () => Date.now(),
    private readonly maxKeys = 10_000,
  ) {}

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs
    const kept = (this.failures.get(key) ?? []).filter((t) => t > since)
    if (kept.length) this.failures.set(key, kept)
    else this.failures.delete(key)
    return kept
  }

  /** Milliseconds until this key may try again; 0 when it may. */
  blockedFor(key: string): number {
    const recent = this.recent(key)
    return recent.length >= this.max ? recent[recent.length - this.max]! + this.windowMs - this.now() : 0
  }

  fail(key: string): void {
    if (!this.failures.has(key) && this.failures.size >= this.maxKeys) {
      for (const old of this.failures.keys()) if (!this.recent(old).length) this.failures.delete(old)
      if (this.failures.size >= this.maxKeys) this.failures.delete(this.failures.keys().next().value!)
    }
    this.failures.set(key, [...this.recent(key), this.now()])
  }
}

const positive = (value: string | undefined, fallback: number) => (Number(value) > 0 ? Number(value) : fallback)
const KEY = Symbol.for('csp-hub.login-failures')
/** One counter per process (Next may load this module once per route bundle). */
export function addressCounter(): FailureCounter {
  const holder = globalThis as { [KEY]?: FailureCounter }
  return (holder[KEY] ??= new FailureCounter(
    positive(process.env.LOGIN_MAX_FAILURES_PER_ADDRESS, 20),
    positive(process.env.LOGIN_FAILURE_WINDOW_MINUTES, 15) * 60_000,
  ))
}

const clientAddress = (req: PayloadRequest) => req.headers?.get(CLIENT_IP_HEADER) ?? null

const hash = promisify(pbkdf2)
const DUMMY_SALT = randomBytes(32).toString('hex')
/** The work Payload does to check a password, spent on nothing. */
export const hashLikePayload = (password: string) => hash(password, DUMMY_SALT, 600_000, 32, 'sha256')

/**
 * One sign-in per account at a time. Payload adds the new session to the account by writing back
 * the session list it read before its transaction began, so two sign-ins to one account at the
 * same moment kept only one session: the other person's token was refused at once ("You are not
 * allowed", measured: 5 of 6 simultaneous sign-ins). A sign-in waits for the previous one to the
 * same account to be committed (at most 10 s), in the same kind of queue as SQLite's writers.
 */
class Turns {
  private readonly queues = new Map<string, { queue: WriteQueue; holders: number }>()
  async take(key: string): Promise<() => void> {
    const entry = this.queues.get(key) ?? { queue: new WriteQueue(10_000), holders: 0 }
    this.queues.set(key, entry)
    entry.holders++
    const release = await entry.queue.acquire()
    let done = false
    return () => {
      if (done) return
      done = true
      release()
      if (--entry.holders === 0) this.queues.delete(key)
    }
  }
}
const TURNS = Symbol.for('csp-hub.sign-in-turns')
const turns = () => ((globalThis as { [TURNS]?: Turns })[TURNS] ??= new Turns())
const heldTurns = new WeakMap<object, () => void>()
const releaseTurn = (req: PayloadRequest) => {
  const release = heldTurns.get(req)
  heldTurns.delete(req)
  if (release) void whenTransactionEnds(req, release)
}

/** After a successful sign-in: the next one to this account may go once this one is committed. */
export const signInDone: CollectionAfterOperationHook = ({ operation, req, result }) => {
  if (operation === 'login') releaseTurn(req)
  return result
}

/** Before Payload's login: refuse an address over its limit; answer unknown and locked accounts like a wrong password. */
export const guardLogin: CollectionBeforeOperationHook = async ({ args, operation, req, collection }) => {
  if (operation !== 'login') return args
  const address = clientAddress(req)
  const wait = address ? addressCounter().blockedFor(address) : 0
  if (wait > 0) {
    const minutes = Math.ceil(wait / 60_000)
    throw new APIError(`Too many failed sign-ins from your network. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, 429, { retryAfterMinutes: minutes }, true)
  }
  const email = typeof args.data?.email === 'string' ? args.data.email.toLowerCase().trim() : ''
  const password = typeof args.data?.password === 'string' ? args.data.password : ''
  if (!email || !password) return args // Payload answers a missing field itself
  const user = await req.payload.db.findOne<{ id: number | string; lockUntil?: string | null }>({ collection: collection.slug, req, where: { email: { equals: email } } })
  const locked = user?.lockUntil != null && new Date(user.lockUntil).getTime() > Date.now()
  if (!user || locked) {
    await hashLikePayload(password)
    throw new AuthenticationError(req.t)
  }
  heldTurns.set(req, await turns().take(String(user.id)))
  return args
}

/** Every failed sign-in: counted against the address, and answered with one message. */
export const uniformLoginFailure: CollectionAfterErrorHook = ({ error, req }) => {
  releaseTurn(req)
  const isLogin = /\/login\/?$/.test(new URL(req.url ?? 'http://x/').pathname)
  if (!isLogin || !(error instanceof AuthenticationError || error instanceof LockedAuth)) return
  const address = clientAddress(req)
  if (address) addressCounter().fail(address)
  return { status: 401, response: { errors: [{ message: FAILED_SIGN_IN_MESSAGE }] } }
}

/**
 * Password reset requests: at most FORGOT_MAX_PER_ADDRESS (10) per address and 3 per email address
 * in the window. Over the address limit the answer is 429; over the per-email limit the answer is
 * Payload's usual success and nothing is sent, so neither tells whether the account exists.
 */
const SILENTLY_IGNORED = Symbol.for('csp-hub.forgot-password-ignored')
class IgnoredRequest extends Error {
  readonly [SILENTLY_IGNORED] = true
}
const forgotCounters = () => {
  const holder = globalThis as { [SILENTLY_IGNORED]?: { address: FailureCounter; email: FailureCounter } }
  return (holder[SILENTLY_IGNORED] ??= {
    address: new FailureCounter(positive(process.env.FORGOT_MAX_PER_ADDRESS, 10), 15 * 60_000),
    email: new FailureCounter(3, 15 * 60_000),
  })
}

export const throttleForgotPassword: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'forgotPassword') return args
  const counters = forgotCounters()
  const address = clientAddress(req)
  if (address && counters.address.blockedFor(address) > 0)
    throw new APIError('Too many password reset requests from your network. Try again in 15 minutes.', 429, { retryAfterMinutes: 15 }, true)
  if (address) counters.address.fail(address)
  const email = typeof args.data?.email === 'string' ? args.data.email.toLowerCase().trim() : ''
  if (email) {
    if (counters.email.blockedFor(email) > 0) throw new IgnoredRequest()
    counters.email.fail(email)
  }
  return args
}

export const answerIgnoredRequest: CollectionAfterErrorHook = ({ error, req }) =>
  error instanceof IgnoredRequest ? { status: 200, response: { message: req.t('general:success') } } : undefined
