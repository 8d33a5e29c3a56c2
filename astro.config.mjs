// The public website: static HTML built from the CMS's published content (see site/content.config.ts).
import { defineConfig } from 'astro/config'
import mdx from '@astrojs/mdx'
import sitemap from '@astrojs/sitemap'
import { warmRenderer } from './scripts/lib/warm/integration.mjs'

// The warm renderer's warm-up build (scripts/lib/astro-build.mjs --serve) keeps its bundle and store;
// every other build is plain `astro build`.
const warm = process.env.SITE_WARM_UP === '1'

export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  // scripts/build.ts builds into a fresh folder and switches it in only when the build succeeds.
  outDir: process.env.SITE_OUT_DIR || './dist',
  // The content-layer store lives here; scripts/lib/site-build.ts gives each site target its own.
  cacheDir: process.env.SITE_CACHE_DIR || './node_modules/.astro',
  site: process.env.SITE_URL || 'http://localhost:4321',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // No third-party anything: scripts, styles, images, fonts, frames and connections stay on this site.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "frame-src 'none'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
  integrations: [mdx(), sitemap(), ...(warm ? [warmRenderer()] : [])],
  server: { port: Number(process.env.SITE_PORT || 4321) },
  devToolbar: { enabled: false },
  // Shiki's inline styles would need 'unsafe-inline' under the CSP; nothing here shows code.
  markdown: { syntaxHighlight: false },
})
