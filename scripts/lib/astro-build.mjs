/**
 * The Astro step of a site build (scripts/lib/site-build.ts): `astro build --outDir <folder>`
 * through Astro's own API, so the build learns how it went from a message (scripts/lib/
 * child-result.ts), not from Astro's output. It sends { ok: true } or { ok: false, error } with
 * what Astro threw (a record the site cannot show, a page that failed to render) and exits.
 * Plain JavaScript run by Node, like the astro command, so nothing else is loaded into Astro's
 * process; Astro still prints its progress for whoever is watching.
 */
import module from 'node:module'
import { parseArgs, stripVTControlCharacters } from 'node:util'

// As the astro command does: later builds start faster.
module.enableCompileCache?.()

const { values } = parseArgs({ options: { outDir: { type: 'string' } } })

/** @param {unknown} error */
function describe(error) {
  if (!(error instanceof Error)) return String(error)
  // Astro's own errors carry a hint on what to do next.
  const hint = 'hint' in error && typeof error.hint === 'string' ? error.hint : ''
  return stripVTControlCharacters([error.message, hint].filter(Boolean).join('\n'))
}

/** @type {{ ok: true } | { ok: false, error: string }} */
let report
try {
  const { build } = await import('astro')
  await build({ outDir: values.outDir })
  report = { ok: true }
} catch (error) {
  report = { ok: false, error: describe(error) }
}
if (process.send) process.send(report, undefined, {}, () => process.exit(report.ok ? 0 : 1))
else process.exit(report.ok ? 0 : 1)
