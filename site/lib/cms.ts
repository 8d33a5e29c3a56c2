/**
 * How the site reaches the CMS: Payload's Local API, opened in the build's own process. The
 * loaders (site/lib/payload-loader.ts) and the pages that query it themselves read through this.
 */
import type { Payload } from 'payload'

/** Set by scripts/lib/astro-build.mjs when a held build opened the CMS before its publish. */
const OPENED_AHEAD = Symbol.for('csp-hub:payload-opened-ahead')
/** Set by scripts/lib/astro-build.mjs while a one-shot build opens the CMS beside Astro's start. */
const OPENING = Symbol.for('csp-hub:payload-opening')

export async function cms(): Promise<Payload> {
  // It never rejects: if opening failed, the build opens the CMS here and reports what is wrong.
  await (globalThis as { [OPENING]?: Promise<void> })[OPENING]
  const ahead = (globalThis as { [OPENED_AHEAD]?: Payload })[OPENED_AHEAD]
  if (ahead) return ahead
  const [{ getPayload }, { default: config }] = await Promise.all([import('payload'), import('../../cms/payload.config')])
  return getPayload({ config })
}
