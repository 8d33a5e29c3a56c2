import { withPayload } from '@payloadcms/next/withPayload'

/** The CMS admin and REST API. The public site is a separate static build (site/). */
const nextConfig = {
  // Build output stays inside cms/ so a clean clone has one place to delete.
  distDir: '.next',
  poweredByHeader: false,
  // Types are checked once, by `npm test` (tests/unit/typecheck.test.ts), not again in every admin build.
  typescript: { ignoreBuildErrors: true },
  turbopack: { root: new URL('..', import.meta.url).pathname },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
