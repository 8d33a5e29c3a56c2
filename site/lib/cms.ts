/**
 * How the site reaches the CMS: Payload's Local API, opened in the build's own process. The
 * loaders (site/lib/payload-loader.ts) and the pages that query it themselves read through this.
 */
import type { Payload } from 'payload'

export async function cms(): Promise<Payload> {
  const [{ getPayload }, { default: config }] = await Promise.all([import('payload'), import('../../cms/payload.config')])
  return getPayload({ config })
}
