/**
 * Serves the built site (dist/) the way a static host would, plus the headers a static host should
 * be configured with (see README): no referrer, no sniffing, no framing, no cookies ever set.
 * Files are sent by `send` (the engine under express.static: content types, ETag and conditional
 * GET, ranges, no escape from the root) and text is gzipped by `compression`. `send` takes the root
 * on every call, so dist/ is resolved per request and a rebuilt site switched in by rename is served
 * at once (sirv caches its file list at start-up except in dev mode; serve-handler compresses nothing).
 * What stays here is the one decision a package would make from the raw request: which paths are
 * pages of this site at all, and where a folder redirect may point — and `sendWhole`, because
 * `send` stats a file and then opens it again by name.
 */
import compression from 'compression'
import { close, fstat, open } from 'node:fs'
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import send from 'send'

export const SECURITY_HEADERS = {
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
}

// Query characters RFC 3986 allows; anything else is dropped from a redirect rather than echoed.
const SAFE_QUERY = /^\?[\w\-.~!$&'()*+,;=:@/?%]*$/

/**
 * The request path re-encoded from its decoded segments, or null for a path no link on this site
 * produces: empty segments (`//`), `.` or `..` (plain or encoded), encoded slashes, backslashes and
 * control characters. Built this way, a path starts with exactly one `/` and cannot be read as
 * `//host`, `/\host` or `scheme:` by a browser following a redirect to it.
 */
function localPath(url: string): { pathname: string; query: string } | null {
  const mark = url.indexOf('?')
  const raw = mark < 0 ? url : url.slice(0, mark)
  const query = mark < 0 ? '' : url.slice(mark)
  if (!raw.startsWith('/')) return null // absolute-form targets (`GET http://host/…`) and `*`
  const parts = raw.slice(1).split('/')
  const segments: string[] = []
  for (const [i, part] of parts.entries()) {
    let segment: string
    try {
      segment = decodeURIComponent(part)
    } catch {
      return null
    }
    if (segment === '' && i < parts.length - 1) return null
    if (segment === '.' || segment === '..' || /[/\\\u0000-\u001f\u007f]/.test(segment)) return null
    segments.push(segment)
  }
  return { pathname: '/' + segments.map(encodeURIComponent).join('/'), query: SAFE_QUERY.test(query) ? query : '' }
}

// compression is Connect-style middleware; its types name Express's request and response, which
// add nothing it uses to Node's own.
const gzip = compression() as unknown as (req: IncomingMessage, res: ServerResponse, next: () => void) => void

export function serveStatic(root: string): Server {
  return createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value)
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end()
      return
    }
    const local = localPath(req.url ?? '/')
    gzip(req, res, () => {
      if (!local) return notFound(req, res, root)
      sendWhole(req, local.pathname, { root, cacheControl: false })
        .on('headers', () => {
          // HTML must show a publish at once; hashed assets never change.
          res.setHeader('Cache-Control', local.pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache')
        })
        // Directory URLs end in a slash, like on the static hosts the site is built for.
        .on('directory', () => res.writeHead(301, { Location: local.pathname + '/' + local.query }).end())
        .on('error', (error: { status?: number }) => {
          if (error.status === 404) notFound(req, res, root)
          else fail(res, error.status ?? 500)
        })
        .pipe(res)
    })
  })
}

/**
 * `send`, reading the file it describes. `send` takes a file's length and ETag from a stat and then
 * opens the file again by name, so a publish renaming a new version in between was sent cut to the
 * old length, or short of its Content-Length (found by the faults e2e test). Here the file is opened
 * first and its headers come from that open file (fstat), which is what it streams: every response
 * is one whole version, the old or the new, as from a static host that opens before it stats.
 */
function sendWhole(req: IncomingMessage, pathname: string, options: send.SendOptions): send.SendStream {
  const stream = send(req, pathname, options)
  const describe = stream.send.bind(stream)
  stream.send = (file: string) => {
    open(file, 'r', (openError, fd) => {
      if (openError) return stream.onStatError(openError)
      fstat(fd, (statError, stat) => {
        if (statError) return close(fd, () => stream.onStatError(statError))
        let streamed = false
        stream.once('stream', () => (streamed = true))
        // send copies its options into createReadStream's, and a stream given an fd reads that file.
        ;(stream as unknown as { options: { fd?: number } }).options.fd = fd
        describe(file, stat)
        // 304, HEAD, 412 and 416 answers end without a stream, which would have closed the file.
        if (!streamed) close(fd, () => undefined)
      })
    })
  }
  return stream
}

/** The site's own 404 page with status 404, or plain text if the build has none. */
function notFound(req: IncomingMessage, res: ServerResponse, root: string) {
  res.statusCode = 404
  res.setHeader('Cache-Control', 'no-cache')
  sendWhole(req, '/404.html', { root, cacheControl: false, etag: false, lastModified: false, acceptRanges: false })
    .on('error', () => fail(res, 404))
    .pipe(res)
}

function fail(res: ServerResponse, status: number) {
  if (res.headersSent) return void res.destroy()
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(STATUS_CODES[status] ?? 'Error')
}
