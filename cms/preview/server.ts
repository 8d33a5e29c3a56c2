/**
 * /preview/… on the CMS's origin (mounted by scripts/cms-server.ts), where the admin's session
 * cookie already reaches:
 *
 * - GET /preview/<collection>/<id>: signs the visitor in as the REST API does (the payload-token
 *   cookie or `Authorization: JWT …`), loads the saved draft as them (cms/preview/load.ts) and has
 *   the preview server (site-preview/, built by scripts/lib/preview-build.ts) render it with the
 *   site's own page component. No session: 401. A document they may not read as a draft: 404.
 * - GET /preview/share/<token>: the same for a shared link (cms/collections/preview-links), without
 *   an account. An unknown, expired or revoked link: one plain 404 that never says which.
 * - GET /preview/_astro/…: the preview server's CSS and JS.
 *
 * Every answer is noindex and no-store. A page may be framed by the admin (live preview) on this
 * origin only; the page itself carries the site's Content-Security-Policy (Astro's security.csp).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import type { Payload } from 'payload'
import send from 'send'
import { isPreviewCollection, loadPreview, type PreviewCollection, type Viewer } from './load'
import { resolveSharedLink } from './links'
import { PREVIEW_SERVER_DIR } from './paths'

type Handler = (req: IncomingMessage, res: ServerResponse, next: undefined, locals: object) => Promise<void>

const COMMON_HEADERS: Record<string, string> = {
  'Cache-Control': 'no-store',
  'X-Robots-Tag': 'noindex, nofollow',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // The admin's live preview frames it; nothing else may.
  'X-Frame-Options': 'SAMEORIGIN',
  'Content-Security-Policy': "frame-ancestors 'self'",
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** A plain page (no site chrome) for what cannot be previewed. */
function plain(res: ServerResponse, status: number, title: string, body: string) {
  res.writeHead(status, {
    ...COMMON_HEADERS,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': "default-src 'none'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'",
  })
  res.end(
    `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
      `<meta name="robots" content="noindex, nofollow"><title>${escape(title)}</title></head><body><main><h1>${escape(title)}</h1>${body}</main></body></html>`,
  )
}

export const NOT_FOUND_TEXT = 'This preview does not exist, or is no longer available.'

export function createPreviewHandler(payload: () => Promise<Payload>) {
  let astro: Promise<Handler> | undefined
  const astroHandler = () =>
    (astro ??= import(path.join(PREVIEW_SERVER_DIR, 'server', 'entry.mjs')).then((m: { handler: Handler }) => m.handler))

  return async function handlePreview(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://preview.invalid')
    const parts = url.pathname.split('/').filter(Boolean) // ['preview', …]
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Method not allowed', '')

    if (parts[1] === '_astro' && parts.length === 3) {
      res.setHeader('X-Content-Type-Options', 'nosniff')
      send(req, parts.slice(1).join('/'), { root: path.join(PREVIEW_SERVER_DIR, 'client'), index: false, dotfiles: 'deny' })
        .on('error', () => plain(res, 404, 'Not found', ''))
        .pipe(res)
      return
    }

    let collection: PreviewCollection
    let id: string
    let viewer: Viewer
    const cms = await payload()
    if (parts.length === 3 && parts[1] === 'share') {
      const target = await resolveSharedLink(cms, parts[2]!)
      if (!target) return plain(res, 404, 'Preview not found', `<p>${NOT_FOUND_TEXT}</p>`)
      ;({ collection, id } = target)
      viewer = { sharedLink: true }
    } else if (parts.length === 3 && isPreviewCollection(parts[1]!)) {
      collection = parts[1]
      id = parts[2]!
      const headers = new Headers()
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value)
      const { user } = await cms.auth({ headers })
      if (!user) return plain(res, 401, 'Sign in to preview', '<p>Previews are for signed-in editors and partners. Sign in to the CMS, then open this link again.</p>')
      viewer = { user }
    } else {
      return plain(res, 404, 'Preview not found', `<p>${NOT_FOUND_TEXT}</p>`)
    }

    const result = await loadPreview(cms, collection, id, viewer)
    if (result.status === 'not-found') return plain(res, 404, 'Preview not found', `<p>${NOT_FOUND_TEXT}</p>`)
    if (result.status === 'invalid')
      return plain(
        res,
        422,
        `This draft cannot be shown yet: ${result.title}`,
        `<p>The public site would leave this record out until these are fixed:</p><ul>${result.reasons.map((r) => `<li>${escape(r)}</li>`).join('')}</ul>`,
      )
    for (const [name, value] of Object.entries(COMMON_HEADERS)) res.setHeader(name, value)
    // The preview server routes by address: a shared link renders as /preview/<collection>/<id>.
    req.url = `/preview/${collection}/${id}`
    await (await astroHandler())(req, res, undefined, { preview: result.locals, siteSettings: result.locals.page.props.settings })
  }
}
