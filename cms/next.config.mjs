import { withPayload } from '@payloadcms/next/withPayload'

/** The CMS admin and REST API. The public site is a separate static build (site/). */
const nextConfig = {
  // Build output stays inside cms/ so a clean clone has one place to delete.
  distDir: '.next',
  poweredByHeader: false,
  // Types are checked once, by `npm test` (tests/unit/typecheck.test.ts), not again in every admin build.
  typescript: { ignoreBuildErrors: true },
  turbopack: { root: new URL('..', import.meta.url).pathname },
  // On every admin page and API answer: no MIME sniffing, never framed by another site
  // (clickjacking the admin), and no address leaked to other sites. `same-origin`, not
  // `no-referrer`: with no-referrer browsers send `Origin: null` on POSTs, which Next's server
  // actions and Payload's CSRF check would refuse.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Content-Security-Policy', value: "frame-ancestors 'none'" },
          { key: 'Referrer-Policy', value: 'same-origin' },
        ],
      },
    ]
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
