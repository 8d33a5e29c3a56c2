/**
 * Fetches one JSON document of an Open Referral feed from a URL someone typed, with limits: http(s)
 * only, a timeout, a size cap enforced while the body streams in, and redirects followed by hand,
 * each hop checked again. No hop may reach a loopback, private, link-local or otherwise non-public
 * address (the import runs next to the CMS, so a feed must not be able to aim it at the CMS, the
 * cloud metadata service or the office network). The check sits in the DNS lookup of the
 * connection itself, so the address checked is the address connected to: a name that resolves to
 * a public address for the check and a private one for the request (DNS rebinding) gets nowhere.
 */
import { lookup as dnsLookup } from 'node:dns/promises'
import type { LookupAddress, LookupOptions } from 'node:dns'
import http from 'node:http'
import https from 'node:https'
import { isIP, isIPv4, isIPv6 } from 'node:net'
import { FeedError } from './feed-error'

export const FETCH_DEFAULTS = { timeoutMs: 30_000, maxBytes: 20 * 1024 * 1024, maxRedirects: 5 }

export type FetchLimits = {
  /** Milliseconds one request may take, redirects and the whole body included (default 30 s). */
  timeoutMs?: number
  /** The largest response body, in bytes (default 20 MB), as declared and as received. */
  maxBytes?: number
  /** How many redirects one request may follow (default 5). */
  maxRedirects?: number
}

export type FetchOptions = FetchLimits & {
  /** Resolves a host name to all its addresses; tests replace it. Default: node:dns/promises lookup. */
  lookup?: (hostname: string) => Promise<LookupAddress[]>
  /**
   * For tests only (the command offers no way to set it): non-public addresses to allow anyway,
   * e.g. the 127.0.0.1 a test server listens on. Every other address is still checked.
   */
  allowAddress?: (address: string) => boolean
}

/** Why an address is not public, e.g. "a loopback address"; undefined for a public unicast address. */
export function nonPublicKind(address: string): string | undefined {
  const bytes = bytesOf(address)
  if (!bytes) return 'not an IP address'
  return bytes.length === 4 ? ipv4Kind(bytes) : ipv6Kind(bytes)
}

// IANA's special-purpose registries: everything not globally reachable, by what the message calls it.
const IPV4_RANGES: [string, number, string][] = [
  ['0.0.0.0', 8, 'an unspecified ("this network") address'],
  ['10.0.0.0', 8, 'a private address'],
  ['100.64.0.0', 10, 'a shared (carrier-grade NAT) address'],
  ['127.0.0.0', 8, 'a loopback address'],
  ['169.254.0.0', 16, 'a link-local address'],
  ['172.16.0.0', 12, 'a private address'],
  ['192.0.0.0', 24, 'a reserved address'],
  ['192.0.2.0', 24, 'a documentation address'],
  ['192.88.99.0', 24, 'a reserved address'],
  ['192.168.0.0', 16, 'a private address'],
  ['198.18.0.0', 15, 'a benchmarking address'],
  ['198.51.100.0', 24, 'a documentation address'],
  ['203.0.113.0', 24, 'a documentation address'],
  ['224.0.0.0', 4, 'a multicast address'],
  ['240.0.0.0', 4, 'a reserved address'],
]
const IPV6_RANGES: [string, number, string][] = [
  ['::', 128, 'an unspecified address'],
  ['::1', 128, 'a loopback address'],
  ['fe80::', 10, 'a link-local address'],
  ['fec0::', 10, 'a site-local address'],
  ['fc00::', 7, 'a unique-local address'],
  ['ff00::', 8, 'a multicast address'],
  ['64:ff9b:1::', 48, 'a local-use NAT64 address'],
  ['2001:db8::', 32, 'a documentation address'],
  ['3fff::', 20, 'a documentation address'],
  ['2001::', 23, 'a reserved address'],
  ['2002::', 16, 'a 6to4 address'],
]

const within = (bytes: number[], prefix: number[], bits: number) => {
  for (let bit = 0; bit < bits; bit++) {
    const mask = 0x80 >> bit % 8
    if ((bytes[bit >> 3]! & mask) !== (prefix[bit >> 3]! & mask)) return false
  }
  return true
}
const rangeKind = (bytes: number[], ranges: [string, number, string][]) => ranges.find(([prefix, bits]) => within(bytes, bytesOf(prefix)!, bits))?.[2]

function ipv4Kind(bytes: number[]) {
  return rangeKind(bytes, IPV4_RANGES)
}

function ipv6Kind(bytes: number[]) {
  const zeros = (n: number) => bytes.slice(0, n).every((b) => b === 0)
  // An IPv4 address inside IPv6 (mapped ::ffff:a.b.c.d, or NAT64 64:ff9b::a.b.c.d) reaches that IPv4 address.
  if ((zeros(10) && bytes[10] === 0xff && bytes[11] === 0xff) || within(bytes, bytesOf('64:ff9b::')!, 96)) {
    const kind = ipv4Kind(bytes.slice(12))
    return kind && `${kind} (IPv4 inside IPv6)`
  }
  const kind = rangeKind(bytes, IPV6_RANGES)
  if (kind) return kind
  if (zeros(12)) return 'a reserved address' // ::/96, the deprecated IPv4-compatible form
  return within(bytes, bytesOf('2000::')!, 3) ? undefined : 'a reserved address' // global unicast is 2000::/3
}

/** An IP address as bytes (4 or 16), brackets and zone id allowed; undefined for anything else. */
function bytesOf(address: string): number[] | undefined {
  const plain = address.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '')
  if (isIPv4(plain)) return plain.split('.').map(Number)
  if (!isIPv6(plain)) return undefined
  const dotted = plain.match(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/)
  const hex = dotted ? `${plain.slice(0, -dotted[0].length)}0:0` : plain
  const [head, tail] = hex.split('::') as [string, string | undefined]
  const groupsOf = (s: string | undefined) => (s ? s.split(':') : [])
  const groups = tail === undefined ? groupsOf(head) : [...groupsOf(head), ...Array<string>(8 - groupsOf(head).length - groupsOf(tail).length).fill('0'), ...groupsOf(tail)]
  const bytes = groups.flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 0xff])
  if (dotted) bytes.splice(12, 4, ...dotted.slice(1).map(Number))
  return bytes
}

class RefusedAddress extends Error {
  constructor(
    readonly address: string,
    readonly kind: string,
  ) {
    super(`${address} is ${kind}`)
  }
}

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`
const seconds = (ms: number) => `${ms / 1000} s`

/** Reads one JSON document from an http(s) URL within the limits; any refusal is a FeedError saying why. */
export async function fetchFeedJson(source: string | URL, options: FetchOptions = {}): Promise<unknown> {
  const { timeoutMs = FETCH_DEFAULTS.timeoutMs, maxBytes = FETCH_DEFAULTS.maxBytes, maxRedirects = FETCH_DEFAULTS.maxRedirects } = options
  const resolve = options.lookup ?? ((hostname: string) => dnsLookup(hostname, { all: true, verbatim: true }))
  const allowed = (address: string) => options.allowAddress?.(address) ?? false
  const check = (address: string) => {
    const kind = nonPublicKind(address)
    if (kind && !allowed(address)) throw new RefusedAddress(address, kind)
  }
  // Called by the connection itself (http.request's lookup option), so no second, unchecked lookup happens.
  const checkedLookup = (hostname: string, lookupOptions: LookupOptions, callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void) => {
    resolve(hostname)
      .then((addresses) => {
        if (!addresses.length) throw Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' })
        addresses.forEach((a) => check(a.address))
        const wanted = lookupOptions.family === 4 || lookupOptions.family === 6 ? addresses.filter((a) => a.family === lookupOptions.family) : addresses
        if (lookupOptions.all) callback(null, wanted)
        else callback(null, wanted[0]?.address ?? '', wanted[0]?.family)
      })
      .catch((error: Error) => callback(error, ''))
  }

  const first = new URL(source)
  const signal = AbortSignal.timeout(timeoutMs)
  let url = first
  const refuse = (why: string) =>
    new FeedError(url === first ? `${url.href} ${why}; refusing.` : `The feed at ${first.href} redirected to ${url.href}, ${why.replace(/^is /, '')}; refusing.`)

  try {
    for (let hops = 0; ; hops++) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw refuse(`is not an http(s) address (${url.protocol} is not accepted)`)
      const host = url.hostname.replace(/^\[(.*)\]$/, '$1')
      if (isIP(host)) {
        const kind = nonPublicKind(host)
        if (kind && !allowed(host)) throw refuse(url === first ? `is at ${host}, ${kind}` : `${kind} (${host})`)
      }
      let response: http.IncomingMessage
      try {
        response = await get(url, signal, checkedLookup)
      } catch (error) {
        if (error instanceof RefusedAddress) throw refuse(`${url === first ? 'resolves to' : 'whose host resolves to'} ${error.address}, ${error.kind}`)
        throw error
      }
      const status = response.statusCode ?? 0
      if (status >= 300 && status < 400 && status !== 304) {
        response.destroy()
        const location = response.headers.location
        if (!location) throw new FeedError(`${url.href} answered ${status} without saying where to go.`)
        if (hops >= maxRedirects) throw new FeedError(`The feed at ${first.href} redirected more than ${maxRedirects} times; refusing.`)
        url = new URL(location, url)
        continue
      }
      if (status < 200 || status >= 300) {
        response.destroy()
        throw new FeedError(`${url.href} answered ${status} ${response.statusMessage ?? ''}.`.replace(/ \.$/, '.'))
      }
      const body = await readBody(url, response, maxBytes)
      try {
        return JSON.parse(body.toString('utf8'))
      } catch {
        throw new FeedError(`${url.href} did not return JSON.`)
      }
    }
  } catch (error) {
    if (error instanceof FeedError) throw error
    if (signal.aborted) throw new FeedError(`${url.href} did not finish answering within ${seconds(timeoutMs)}; gave up.`)
    throw new FeedError(`Could not reach ${url.href}: ${(error as Error).message}`)
  }
}

function get(url: URL, signal: AbortSignal, lookup: NonNullable<http.RequestOptions['lookup']>): Promise<http.IncomingMessage> {
  const client = url.protocol === 'https:' ? https : http
  return new Promise((resolve, reject) => {
    // No agent: no pooled connection is reused, so every request makes (and checks) its own.
    // Identity encoding: the size cap then counts what is parsed, and no compression bomb can hide.
    const request = client.get(url, { signal, lookup, agent: false, headers: { Accept: 'application/json', 'Accept-Encoding': 'identity' } }, resolve)
    request.on('error', reject)
  })
}

async function readBody(url: URL, response: http.IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers['content-length'])
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy()
    throw new FeedError(`${url.href} says it is ${megabytes(declared)} (Content-Length), more than the ${megabytes(maxBytes)} limit; refusing.`)
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of response as AsyncIterable<Buffer>) {
    size += chunk.length
    // Leaving the loop destroys the response, closing the connection: the rest is never read.
    if (size > maxBytes) throw new FeedError(`${url.href} is larger than the ${megabytes(maxBytes)} limit; stopped reading.`)
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}
