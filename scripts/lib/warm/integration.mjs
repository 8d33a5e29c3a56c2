/**
 * The warm renderer's hooks into `astro build` (scripts/lib/warm/renderer.mjs). Registered only in
 * a warm Astro step (SITE_WARM_UP=1, scripts/lib/astro-build.mjs --serve); every other build is
 * plain `astro build`. Its one build is a warm-up that renders no page; three things that build
 * normally lets go of are kept for the publishes that follow:
 *
 * - the prerenderer and its app: the very server bundle, manifest (asset file names, the CSP hashes
 *   of security.csp) and route table a full build renders every page with. This wraps Astro's
 *   default prerenderer (astro:build:start setPrerenderer) and changes nothing of how it renders;
 * - the content store the pages read (astro:content's getCollection / getEntry): Astro's
 *   `globalDataStore` singleton, bundled into the prerender chunks, exposed by a one-line transform
 *   so a publish can load the changed records into it instead of building the store again;
 * - the bundle's files: Astro deletes the bundle's folder (.prerender/) once the build has
 *   rendered its pages, and a page's module is imported the first time the page is rendered. The
 *   folder is kept (keptBundle), so a publish can render any page.
 */
import { rename } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const WARM = Symbol.for('csp-hub:warm-renderer')
export const DATA_STORE = Symbol.for('csp-hub:warm-data-store')
const KEPT = Symbol.for('csp-hub:warm-bundle')

/** After the warm-up build: puts its bundle back where its modules import each other from, and says where that is. */
export async function keptBundle() {
  const bundle = /** @type {string | undefined} */ (/** @type {any} */ (globalThis)[KEPT])
  if (!bundle) throw new Error('The warm renderer: the warm-up build did not keep its bundle (scripts/lib/warm/integration.mjs).')
  await rename(`${bundle}-kept`, bundle)
  return bundle
}

/** @type {import('vite').Plugin} */
const exposeDataStore = {
  name: 'csp-hub-warm-data-store',
  transform(code, id) {
    if (!/astro\/dist\/content\/data-store\.js$/.test(id.split('?')[0] ?? '')) return null
    // Checked, so an Astro upgrade that renames it stops the warm step at its start, not a publish.
    if (!code.includes('const globalDataStore = dataStoreSingleton();')) throw new Error(`The warm renderer: ${id} no longer defines globalDataStore as expected.`)
    // By the URL of the module that holds it: Vite's own copy (the content sync's) registers too.
    return { code: `${code}\n(globalThis[Symbol.for('csp-hub:warm-data-store')] ??= new Map()).set(import.meta.url, globalDataStore);\n`, map: null }
  },
}

/** Where a static build keeps its server bundle (astro/dist/prerender/utils.js getPrerenderOutputDirectory). */
function prerenderFolder(/** @type {URL} */ outDir) {
  const out = fileURLToPath(outDir)
  const within = out.startsWith(process.cwd()) ? out : path.join(process.cwd(), '.astro')
  return path.join(within, '.prerender')
}

/** @returns {import('astro').AstroIntegration} */
export function warmRenderer() {
  /** @type {string | undefined} */
  let bundle
  return {
    name: 'csp-hub-warm-renderer',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => void updateConfig({ vite: { plugins: [exposeDataStore] } }),
      'astro:config:done': ({ config }) => {
        bundle = prerenderFolder(config.outDir)
      },
      'astro:build:start': ({ setPrerenderer }) =>
        setPrerenderer((astro) => ({
          name: 'csp-hub:warm',
          async setup() {
            await astro.setup?.()
            Object.assign(globalThis, { [WARM]: { prerenderer: astro } })
          },
          // The warm-up renders nothing: each publish asks for the paths itself.
          getStaticPaths: async () => [],
          render: (request, options) => astro.render(request, options),
          ...(astro.collectStaticImages ? { collectStaticImages: () => /** @type {any} */ (astro).collectStaticImages() } : {}),
          teardown: async () => astro.teardown?.(),
        })),
      // Astro removes the bundle's folder once the pages are generated, but a publish imports a
      // page's module the first time it renders the page (and Node looks for the file even when the
      // module is loaded). So the folder is moved aside here and put back by keptBundle().
      'astro:build:generated': async () => {
        if (!bundle) throw new Error('The warm renderer did not learn where the build keeps its bundle.')
        await rename(bundle, `${bundle}-kept`)
        Object.assign(globalThis, { [KEPT]: bundle })
      },
    },
  }
}
