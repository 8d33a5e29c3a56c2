/**
 * The CMS's HTTP server: Next.js serving Payload's admin and REST API in production mode, as
 * `next start` would, with one thing `next start` cannot do — tell route handlers who is really
 * asking. Next keeps a client's own X-Forwarded-For, so a per-address sign-in limit
 * (cms/auth/login-guard.ts) fed from it could be dodged by sending a new header each time. Here
 * the address comes from the socket, believing X-Forwarded-For only from TRUSTED_PROXIES, and is
 * passed on in a header of ours that replaces anything a client sent under that name.
 *
 * Run by `npm start`, `npm run cms` and the tests: `tsx scripts/cms-server.ts` with CMS_PORT and
 * optionally CMS_HOST, after the admin is built (scripts/lib/admin-build.ts).
 */
import { createServer } from 'node:http'
import path from 'node:path'
import { CLIENT_IP_HEADER, clientIp, trustedProxies } from '../cms/auth/client-ip'
import { projectRoot } from '../cms/paths'
import { withAnonymousCache } from './lib/anonymous-cache'
import { createPreviewHandler } from './lib/preview/server'
import { ensurePreviewBuild } from './lib/preview-build'

// Next reads NODE_ENV when it loads; `next start` forces production, and so do we.
;(process.env as Record<string, string>).NODE_ENV = 'production'
const { default: next } = await import('next')

const port = Number(process.env.CMS_PORT || 3000)
const hostname = process.env.CMS_HOST || undefined
const trusted = trustedProxies()

const app = next({ dev: false, dir: path.join(projectRoot, 'cms'), port, hostname: hostname ?? 'localhost' })
await app.prepare()
// Anonymous reads of the API are answered from a cache dropped on every write (issue 19;
// cms/cache/anonymous-cache.ts says why this is safe); anything with credentials goes to Next.
const handle = withAnonymousCache(app.getRequestHandler())

// Previews (issue 18): the site's page components rendered from a draft, on this origin so the
// admin's session reaches them (scripts/lib/preview/server.ts). Built here if the site changed (~2 s).
await ensurePreviewBuild()
const handlePreview = createPreviewHandler(async () => (await import('./lib/cms')).openCms())

const server = createServer((req, res) => {
  req.headers[CLIENT_IP_HEADER] = clientIp(req.socket.remoteAddress, req.headers['x-forwarded-for'], trusted)
  if (req.url?.startsWith('/preview/'))
    return void handlePreview(req, res).catch((error: unknown) => {
      console.error('Preview failed:', error)
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
      res.end('The preview could not be rendered.')
    })
  void handle(req, res)
})
server.listen(port, hostname, () => {
  console.log(`CMS listening on http://${hostname ?? 'localhost'}:${port}`)
  // Payload starts its job crons (scheduled publishes, the nightly backup) on the first request it
  // serves; make that request now, so they run even if nobody opens the admin or the API.
  // Then load the preview bundle, so the first preview someone asks for does not wait for it. Only
  // after that request: opening the Local API before Next's Payload had started made REST
  // validation errors lose their field messages (seen in tests/e2e/preview.e2e.test.ts).
  fetch(`http://${hostname ?? 'localhost'}:${port}/api/site-settings/global`)
    .catch(() => {})
    .then(() => handlePreview.warm())
    .catch((error: unknown) => console.error('Preview warm-up failed (previews load on first use):', error))
})

const stop = () => server.close(() => process.exit(0))
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
