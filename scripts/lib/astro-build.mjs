/**
 * The Astro step of a site build (scripts/lib/site-build.ts): `astro build --outDir <folder>`
 * through Astro's own API, so the build learns how it went from a message (scripts/lib/
 * child-result.ts), not from Astro's output. It sends { ok: true } or { ok: false, error } with
 * what Astro threw (a record the site cannot show, a page that failed to render) and exits.
 * Plain JavaScript run by Node, like the astro command, so nothing else is loaded into Astro's
 * process; Astro still prints its progress for whoever is watching.
 *
 * Forked held (`--hold`, by a publishing CMS's build waiting for its next publish), it first loads
 * Astro and the packages the site's loaders load — Payload, its database adapter and its rich-text
 * editor, about 2 s of a publish on a quiet machine — and opens the CMS (the Payload config,
 * compiled by tsx, and its database connection: another ~3 s at seed size, most of what a publish
 * of a small site waited for). Then it waits for go, which brings the folder and this build's own
 * variables. Nothing is read from the database until go, so the build sees the publish that
 * started it; the site's loaders take this Payload (site/lib/cms.ts) instead of opening their own.
 */
import module from 'node:module'
import { parseArgs, stripVTControlCharacters } from 'node:util'
import { heldUntilGo, serveRuns } from './held.mjs'

// As the astro command does: later builds start faster.
module.enableCompileCache?.()

const { values } = parseArgs({ options: { outDir: { type: 'string' }, hold: { type: 'boolean' }, serve: { type: 'boolean' } } })

/** @param {unknown} error */
function describe(error) {
  if (!(error instanceof Error)) return String(error)
  // Astro's own errors carry a hint on what to do next.
  const hint = 'hint' in error && typeof error.hint === 'string' ? error.hint : ''
  return stripVTControlCharacters([error.message, hint].filter(Boolean).join('\n'))
}

/** What the site's loaders will import (site/lib/cms.ts): the same modules, from Node's cache. */
const loadedAhead = () => {
  const adapter = /^mongodb(\+srv)?:/.test(process.env.DATABASE_URI ?? '') ? '@payloadcms/db-mongodb' : '@payloadcms/db-sqlite'
  return Promise.all(['astro', 'payload', adapter, '@payloadcms/richtext-lexical'].map((name) => import(name)))
}

/** Where site/lib/cms.ts finds the CMS this process opened ahead. */
const PAYLOAD_AHEAD = Symbol.for('csp-hub:payload-opened-ahead')
/** Where site/lib/cms.ts waits for the CMS this process is opening (never rejects: see openedAhead). */
const PAYLOAD_OPENING = Symbol.for('csp-hub:payload-opening')

/**
 * Opens Payload with the project's config, as site/lib/cms.ts would at the first loader. If that
 * fails, the build opens it itself after go and reports whatever is wrong there.
 */
async function openedAhead() {
  try {
    const { tsImport } = await import('tsx/esm/api')
    const [{ getPayload }, { default: config }] = await Promise.all([import('payload'), tsImport('../../cms/payload.config.ts', import.meta.url)])
    Object.assign(globalThis, { [PAYLOAD_AHEAD]: await getPayload({ config }) })
  } catch (error) {
    // Left to the build, which opens it after go and reports whatever is wrong there.
    console.warn(`The CMS could not be opened ahead (the build will open it): ${describe(error)}`)
  }
}

/**
 * Forked with --serve (scripts/lib/site-build.ts keepWarm): the warm renderer. One warm-up
 * `astro build` of this code into a scratch folder that renders no page (SITE_WARM_UP, which
 * astro.config.mjs reads), then one changed-pages publish per go, in this process, for as long as
 * the parent lives (scripts/lib/warm/renderer.mjs). If the warm-up fails the process ends with
 * the reason on stderr (the parent reports it), and the builds run cold as before.
 */
async function serveWarm() {
  await loadedAhead()
  await openedAhead()
  const { build } = await import('astro')
  const { WarmRenderer } = await import('./warm/renderer.mjs')
  const { keptBundle } = await import('./warm/integration.mjs')
  const { readdir, rm } = await import('node:fs/promises')
  const path = await import('node:path')
  const scratch = /** @type {string} */ (process.env.SITE_OUT_DIR)
  await build({ outDir: scratch, logLevel: 'warn' })
  // Only the bundle is kept (its pages' modules are imported from there); the rest is not the site.
  const bundle = await keptBundle()
  for (const name of await readdir(scratch)) if (path.join(scratch, name) !== bundle) await rm(path.join(scratch, name), { recursive: true, force: true })
  const renderer = new WarmRenderer()
  await renderer.adopt(bundle)
  // Not worth failing the warm-up for: a publish that fails the same way is built cold, saying why.
  await renderer.rehearse(path.join(scratch, 'rehearsal')).catch((error) => console.warn(`The warm renderer's rehearsal publish failed (the first publish will pay its reads): ${describe(error)}`))
  serveRuns((go, progress) => renderer.publish(/** @type {any} */ (go), progress), describe)
}

/** One `astro build` (held until go with --hold), reported to the parent, then the process ends. */
async function buildOnce() {
  /** @type {{ ok: true } | { ok: false, error: string }} */
  let report
  try {
    let outDir = values.outDir
    if (values.hold) {
      await loadedAhead()
      await openedAhead()
      const go = await heldUntilGo()
      Object.assign(process.env, /** @type {Record<string, string>} */ (go?.env ?? {}))
      outDir = /** @type {string} */ (go?.outDir)
    } else {
      // A one-shot build opens the CMS while Astro starts (its config, Vite, the bundles), rather
      // than when the first loader asks: the loaders wait for it (site/lib/cms.ts).
      Object.assign(globalThis, { [PAYLOAD_OPENING]: openedAhead() })
    }
    const { build } = await import('astro')
    await build({ outDir })
    report = { ok: true }
  } catch (error) {
    report = { ok: false, error: describe(error) }
  }
  if (process.send) process.send(report, undefined, {}, () => process.exit(report.ok ? 0 : 1))
  else process.exit(report.ok ? 0 : 1)
}

if (values.serve)
  await serveWarm().catch((error) => {
    console.error(`The warm renderer could not warm up: ${describe(error)}`)
    process.exit(1)
  })
else await buildOnce()
