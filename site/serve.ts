/**
 * Serves the built site (dist/) the way a static host would, plus the headers a static host should
 * be configured with (see README): no referrer, no sniffing, no framing, no cookies ever set.
 * Hand-written rather than a package because it is small and must resolve dist/ on every request,
 * so a rebuilt site switched in by rename is served at once.
 */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import path from 'node:path'
import { createGzip } from 'node:zlib'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
}

export const SECURITY_HEADERS = {
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
}

async function resolveFile(root: string, urlPath: string): Promise<string | null> {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]!)
  } catch {
    return null
  }
  const file = path.join(root, path.normalize(decoded))
  if (!file.startsWith(root + path.sep) && file !== root) return null // no ../ escapes
  for (const candidate of [file, path.join(file, 'index.html')]) {
    const info = await stat(candidate).catch(() => null)
    if (info?.isFile()) return candidate
  }
  return null
}

export function serveStatic(root: string): Server {
  return createServer(async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', ...SECURITY_HEADERS }).end()
      return
    }
    const url = req.url ?? '/'
    // Directory URLs end in a slash, like on the static hosts the site is built for.
    const pathname = url.split('?')[0]!
    if (!path.extname(pathname) && !pathname.endsWith('/')) {
      const target = await resolveFile(root, pathname + '/')
      if (target) {
        res.writeHead(301, { Location: pathname + '/' + (url.includes('?') ? url.slice(url.indexOf('?')) : ''), ...SECURITY_HEADERS }).end()
        return
      }
    }
    const file = (await resolveFile(root, pathname)) ?? null
    const status = file ? 200 : 404
    const body = file ?? (await resolveFile(root, '/404.html'))
    const headers: Record<string, string> = {
      ...SECURITY_HEADERS,
      'Content-Type': TYPES[path.extname(body ?? '.txt')] ?? 'application/octet-stream',
      // HTML must show a publish at once; hashed assets never change.
      'Cache-Control': pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    }
    if (!body) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found')
      return
    }
    // Compress text (HTML, CSS, JS — Pagefind's scripts included) as any static host would.
    const gzip = /^(text\/|application\/(json|xml|javascript))/.test(headers['Content-Type']!) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
    if (gzip) Object.assign(headers, { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' })
    res.writeHead(status, headers)
    if (req.method === 'HEAD') res.end()
    else {
      const stream = createReadStream(body).on('error', () => res.destroy())
      ;(gzip ? stream.pipe(createGzip()) : stream).pipe(res)
    }
  })
}
