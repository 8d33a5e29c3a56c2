/**
 * The HTTP side of the anonymous-read cache (cms/cache/anonymous-cache.ts), in front of Next's
 * handler in scripts/cms-server.ts: an eligible request is answered from the cache when it can be,
 * otherwise handled as before while its answer is recorded, byte for byte with its headers, and
 * stored if storable. Every answer to an eligible request says `X-Anonymous-Cache: hit|miss`.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'
import { anonymousCacheKey, cacheState, lookup, storable, store } from '../../cms/cache/anonymous-cache'

export const CACHE_HEADER = 'X-Anonymous-Cache'

type Handle = (req: IncomingMessage, res: ServerResponse) => unknown

export function withAnonymousCache(handle: Handle): Handle {
  return (req, res) => {
    const key = anonymousCacheKey(req.method, req.url, req.headers)
    if (key === undefined) return handle(req, res)
    const cached = lookup(key)
    if (cached) {
      res.writeHead(cached.status, { ...cached.headers, [CACHE_HEADER]: 'hit' })
      res.end(cached.body)
      return
    }
    record(key, res)
    res.setHeader(CACHE_HEADER, 'miss')
    return handle(req, res)
  }
}

/** Keeps a copy of what Next writes, and stores it once the answer has been sent in full. */
function record(key: string, res: ServerResponse) {
  const generation = cacheState().generation
  const chunks: Buffer[] = []
  let size = 0
  let tooBig = false
  let headHeaders: OutgoingHttpHeaders = {}
  const keep = (chunk: unknown, encoding?: unknown) => {
    if (tooBig || chunk === undefined || chunk === null || typeof chunk === 'function') return
    const buffer = Buffer.isBuffer(chunk) ? chunk : typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8') : Buffer.from(chunk as Uint8Array)
    size += buffer.length
    if (size > 1024 * 1024) tooBig = true
    else chunks.push(buffer)
  }
  const writeHead = res.writeHead
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const headers = args.find((arg, i) => i > 0 && typeof arg === 'object' && arg !== null)
    // Headers given as a flat array [name, value, …] or as an object; either way, as an object.
    if (Array.isArray(headers)) for (let i = 0; i + 1 < headers.length; i += 2) headHeaders[String(headers[i]).toLowerCase()] = headers[i + 1]
    else if (headers) for (const [name, value] of Object.entries(headers)) headHeaders[name.toLowerCase()] = value as string
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args)
  } as ServerResponse['writeHead']
  const write = res.write
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    keep(chunk, rest[0])
    return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest)
  } as ServerResponse['write']
  const end = res.end
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    keep(chunk, rest[0])
    return (end as (...a: unknown[]) => ServerResponse).call(this, chunk, ...rest)
  } as ServerResponse['end']
  res.once('finish', () => {
    if (tooBig) return
    const headers: Record<string, string | string[]> = {}
    for (const [name, value] of Object.entries({ ...res.getHeaders(), ...headHeaders })) {
      if (value === undefined || name === CACHE_HEADER.toLowerCase() || name === 'date' || name === 'connection' || name === 'keep-alive' || name === 'transfer-encoding') continue
      headers[name] = Array.isArray(value) ? value.map(String) : String(value)
    }
    const body = Buffer.concat(chunks)
    if (!storable(res.statusCode, headers, body.length)) return
    // The stored copy is sent whole, so it carries its own length.
    headers['content-length'] = String(body.length)
    store(key, generation, { status: res.statusCode, headers, body, storedAt: Date.now() })
  })
}
