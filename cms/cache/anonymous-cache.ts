/**
 * A cache of the CMS's answers to anonymous readers (issue 19): one Payload request costs ~4 ms of
 * handling in one Node process, so 20 anonymous clients paging the directory queued to a p95 of
 * 124 ms while the SQL took 0.35 ms. What an anonymous visitor may read is the same for every
 * anonymous visitor, so the answer to a GET without credentials depends on the URL alone (plus the
 * two request headers that shape the bytes: Origin for CORS, Accept-Encoding for compression).
 *
 * Safety rests on three rules, each tested (cms/cache/anonymous-cache.test.ts,
 * tests/e2e/anonymous-cache.e2e.test.ts):
 * - only requests with no credentials at all are cached or served from the cache (no Cookie, no
 *   Authorization), so a signed-in partner's drafts never enter it and never come out of it;
 * - only 200 answers that set no cookie and do not say `no-store`/`private`;
 * - every database write drops the whole cache (drop-on-write.ts), after its transaction commits;
 *   an answer whose request began before a drop is not stored.
 *
 * The state hangs off globalThis: the HTTP server (scripts/cms-server.ts, loaded by tsx) and
 * Payload (bundled by Next) are different module graphs in one process and must share it.
 */

export type CachedAnswer = { status: number; headers: Record<string, string | string[]>; body: Buffer; storedAt: number }

type State = { generation: number; entries: Map<string, CachedAnswer>; bytes: number; hits: number; misses: number; drops: number }

const KEY = Symbol.for('csp-hub.anonymous-cache')

export const cacheState = (): State =>
  ((globalThis as Record<symbol, State>)[KEY] ??= { generation: 0, entries: new Map(), bytes: 0, hits: 0, misses: 0, drops: 0 })

/** Drops every cached answer, and refuses answers to requests that began before now. */
export function dropAnonymousCache() {
  const state = cacheState()
  state.generation++
  state.drops++
  state.entries.clear()
  state.bytes = 0
}

/** Bounds: 2,000 answers or 64 MB, whichever comes first; one answer over 1 MB is not kept. */
export const LIMITS = {
  entries: Number(process.env.ANON_CACHE_ENTRIES || 2000),
  bytes: Number(process.env.ANON_CACHE_MB || 64) * 1024 * 1024,
  entryBytes: 1024 * 1024,
  /** Belt and braces for writes made by another process (a CLI import on the same database), which no hook here sees. */
  maxAgeMs: Number(process.env.ANON_CACHE_MAX_AGE_S ?? 30) * 1000,
}

// Never cached, credentials or not: accounts, Payload's own collections (jobs, locks,
// preferences, migrations), sign-in and session routes, previews, and the access summary.
const NEVER = [/^\/api\/users(\/|\?|$)/, /^\/api\/payload-/, /^\/api\/access(\/|\?|$)/, /preview/i, /\/(me|login|logout|refresh-token|init|unlock|forgot-password|reset-password|verify)(\/|\?|$)/, /[?&]draft=/]

type Headers = Record<string, string | string[] | undefined>

/**
 * The cache key of a request, or undefined when it must go to Payload: anything but GET, anything
 * outside /api/, any request carrying a cookie or an Authorization header (whatever their value).
 */
export function anonymousCacheKey(method: string | undefined, url: string | undefined, headers: Headers): string | undefined {
  if (method !== 'GET' || !url || !url.startsWith('/api/')) return undefined
  if (headers.cookie !== undefined || headers.authorization !== undefined || headers.range !== undefined) return undefined
  if (LIMITS.entries <= 0 || NEVER.some((pattern) => pattern.test(url))) return undefined
  const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(',') : (value ?? ''))
  return `${one(headers.origin)}\n${one(headers['accept-encoding'])}\n${url}`
}

/** May this answer be stored? 200 only, no cookie set, nothing that asks not to be kept. */
export function storable(status: number, headers: Headers, bytes: number): boolean {
  if (status !== 200 || headers['set-cookie'] !== undefined || bytes > LIMITS.entryBytes) return false
  const cacheControl = String(headers['cache-control'] ?? '')
  return !/no-store|private/i.test(cacheControl)
}

export function lookup(key: string, now = Date.now()): CachedAnswer | undefined {
  const state = cacheState()
  const entry = state.entries.get(key)
  if (!entry || now - entry.storedAt > LIMITS.maxAgeMs) {
    if (entry) remove(key)
    state.misses++
    return undefined
  }
  // Least recently used first in the Map's order: move this one to the end.
  state.entries.delete(key)
  state.entries.set(key, entry)
  state.hits++
  return entry
}

/** Stores an answer unless the cache was dropped since its request began (`generation`). */
export function store(key: string, generation: number, answer: CachedAnswer): boolean {
  const state = cacheState()
  if (state.generation !== generation) return false
  remove(key)
  state.entries.set(key, answer)
  state.bytes += answer.body.length
  for (const [oldest] of state.entries) {
    if (state.entries.size <= LIMITS.entries && state.bytes <= LIMITS.bytes) break
    remove(oldest)
  }
  return true
}

function remove(key: string) {
  const state = cacheState()
  const entry = state.entries.get(key)
  if (!entry) return
  state.entries.delete(key)
  state.bytes -= entry.body.length
}
