/**
 * /preview/… on the CMS's origin (mounted by scripts/cms-server.ts), where the admin's session
 * cookie already reaches:
 *
 * - GET /preview/<collection>/<id>: signs the visitor in as the REST API does (the payload-token
 *   cookie or `Authorization: JWT …`), loads the saved draft as them (load.ts) and has
 *   the preview server (site-preview/, built by scripts/lib/preview-build.ts) render it with the
 *   site's own page component. No session: 401. A document they may not read as a draft: 404.
 * - GET /preview/share/<token>: the same for a shared link (cms/collections/preview-links), without
 *   an account. An unknown, expired or revoked link: one plain 404 that never says which.
 * - GET /preview/_astro/…: the preview server's CSS and JS.
 * - GET <either page's address>/media/<hash>-<width>.<avif|webp>: a picture that page shows, made
 *   from the CMS's upload as the site build makes it (site/lib/media.ts) — the draft's own image or
 *   a published one. Under the page's address, so the same check as the page decides: a partner
 *   who may not read the draft gets 404 for its pictures too. Same origin, so the site's CSP
 *   (img-src 'self') holds.
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
import { MIME, parseVariantFile, variantFile } from '../../../site/lib/images'
import { encodeVariant, type SiteImage } from '../../../site/lib/media'

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

/**
 * Encoded variants, by file name (a hash of the original's bytes and the encoder settings, so a
 * name always means the same bytes). Filled only after the page's access check passed; bounded.
 */
const variants = new Map<string, Promise<Buffer>>()
function variant(image: SiteImage, width: number, format: keyof typeof MIME): Promise<Buffer> {
  const file = variantFile(image.hash, width, format)
  let bytes = variants.get(file)
  if (!bytes) {
    if (variants.size >= 64) variants.delete(variants.keys().next().value!)
    variants.set(file, (bytes = encodeVariant(image.source, width, format)))
    bytes.catch(() => variants.delete(file))
  }
  return bytes
}

export function createPreviewHandler(payload: () => Promise<Payload>) {
  let astro: Promise<Handler> | undefined
  const astroHandler = () =>
    (astro ??= import(path.join(PREVIEW_SERVER_DIR, 'server', 'entry.mjs')).then((m: { handler: Handler }) => m.handler))

  /**
   * Loads the preview bundle and opens the CMS's Local API before anyone asks: the first preview
   * after start-up would otherwise pay for both (0.2–1.2 s measured). scripts/cms-server.ts calls it
   * once the server listens.
   */
  const warm = async () => {
    await Promise.all([astroHandler(), payload().then((cms) => cms.findGlobal({ slug: 'site-settings', overrideAccess: false }))])
  }

  return Object.assign(handlePreview, { warm })

  async function handlePreview(req: IncomingMessage, res: ServerResponse): Promise<void> {
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

    // A page (3 parts) or one of its pictures (…/media/<file>).
    const mediaFile = parts.length === 5 && parts[3] === 'media' ? parts[4]! : undefined
    if (parts.length !== 3 && !mediaFile) return plain(res, 404, 'Preview not found', `<p>${NOT_FOUND_TEXT}</p>`)
    const mediaBase = `/${parts.slice(0, 3).join('/')}/media/`

    let collection: PreviewCollection
    let id: string
    let viewer: Viewer
    const cms = await payload()
    if (parts[1] === 'share') {
      const target = await resolveSharedLink(cms, parts[2]!)
      if (!target) return plain(res, 404, 'Preview not found', `<p>${NOT_FOUND_TEXT}</p>`)
      ;({ collection, id } = target)
      viewer = { sharedLink: true }
    } else if (isPreviewCollection(parts[1]!)) {
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

    const result = await loadPreview(cms, collection, id, viewer, mediaBase)
    if (result.status === 'not-found') return plain(res, 404, 'Preview not found', `<p>${NOT_FOUND_TEXT}</p>`)
    if (mediaFile) {
      const wanted = parseVariantFile(mediaFile)
      const image = wanted && result.status === 'ok' ? result.images.find((i) => i.hash === wanted.hash && i.widths.includes(wanted.width)) : undefined
      if (!wanted || !image) return plain(res, 404, 'Not found', '')
      const bytes = await variant(image, wanted.width, wanted.format)
      res.writeHead(200, { ...COMMON_HEADERS, 'Content-Type': MIME[wanted.format], 'Content-Length': String(bytes.length) })
      return void res.end(req.method === 'HEAD' ? undefined : bytes)
    }
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
