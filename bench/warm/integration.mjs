/**
 * The warm renderer's hooks into `astro build` (bench/warm/README.md). Two things a build normally
 * lets go of when it finishes are kept on globalThis for the process that ran it:
 *
 * - the prerender app: the very server bundle, manifest (asset file names, CSP hashes) and route
 *   table the build rendered every page with. It is what Astro's default prerenderer renders with;
 *   this wraps that prerenderer (astro:build:start setPrerenderer) and changes nothing of what it does;
 * - the content store the pages read (astro:content's getCollection / getEntry): Astro's
 *   `globalDataStore` singleton, bundled into the prerender chunks, is exposed by a one-line transform,
 *   so a publish can replace the records it changed in memory instead of building the store again.
 */
export const HELD = Symbol.for('csp-hub:warm-renderer')
export const DATA_STORE = Symbol.for('csp-hub:warm-data-store')

/** @type {import('vite').Plugin} */
const exposeDataStore = {
  name: 'csp-hub-warm-data-store',
  transform(code, id) {
    if (!/astro\/dist\/content\/data-store\.js$/.test(id.split('?')[0])) return null
    if (!code.includes('const globalDataStore = dataStoreSingleton();')) throw new Error(`warm renderer: ${id} no longer defines globalDataStore as expected`)
    return { code: `${code}\nglobalThis[Symbol.for('csp-hub:warm-data-store')] = globalDataStore;\n`, map: null }
  },
}

/** @returns {import('astro').AstroIntegration} */
export function warmRenderer() {
  return {
    name: 'csp-hub-warm-renderer',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => updateConfig({ vite: { plugins: [exposeDataStore] } }),
      'astro:build:start': ({ setPrerenderer }) =>
        setPrerenderer((astro) => ({
          name: 'csp-hub:warm',
          async setup() {
            await astro.setup?.()
            // The default prerenderer keeps its app on itself once set up.
            globalThis[HELD] = { prerenderer: astro, app: /** @type {any} */ (astro).app }
          },
          getStaticPaths: () => astro.getStaticPaths(),
          render: (request, options) => astro.render(request, options),
          ...(astro.collectStaticImages ? { collectStaticImages: () => astro.collectStaticImages() } : {}),
          teardown: async () => astro.teardown?.(),
        })),
    },
  }
}
