// The preview server (issue 18): the public site's page components (site/components/pages/),
// rendered on demand from a saved draft. Its own srcDir holds only the preview routes, so it has no
// copy of any page, and the public build (../astro.config.mjs) stays fully static. Built by
// scripts/lib/preview-build.ts into .data/preview-server/ and mounted by scripts/cms-server.ts at
// /preview/ on the CMS's origin, where the CMS's session cookie already reaches it.
import { defineConfig } from 'astro/config'
import node from '@astrojs/node'
import site from '../astro.config.mjs'

export default defineConfig({
  root: new URL('..', import.meta.url).pathname,
  srcDir: './site-preview',
  publicDir: './site-preview/public', // none: nothing static besides the bundled CSS and JS
  outDir: process.env.PREVIEW_OUT_DIR || './.data/preview-server',
  cacheDir: './node_modules/.astro-preview',
  site: site.site,
  base: '/preview',
  // /preview/<collection>/<id>, with or without a slash: the contract other checks use.
  trailingSlash: 'ignore',
  output: 'server',
  adapter: node({ mode: 'middleware' }),
  // The site's CSP, sent as a header on these on-demand pages; the admin's live preview may frame them.
  security: { csp: { ...site.security.csp, directives: [...site.security.csp.directives, "frame-ancestors 'self'"] } },
  markdown: site.markdown,
  devToolbar: { enabled: false },
  // Nothing here is a public page: no sitemap, no MDX pages, no search index.
  integrations: [],
})
