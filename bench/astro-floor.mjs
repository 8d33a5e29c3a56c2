/**
 * The raw publish floor's Astro run (bench/run.ts rawPublishFloor): Astro's build() timed on its
 * own, once Astro is loaded. The product's next build has loaded Astro (and opened the CMS) before
 * a publish comes (scripts/lib/astro-build.mjs), so starting Node and loading Astro is no part of
 * what a publish waits for, and is left out of the floor too.
 */
import { build } from 'astro'

const [configFile, outDir] = process.argv.slice(2)
if (!configFile || !outDir) throw new Error('usage: node bench/astro-floor.mjs <astro config file> <outDir>')
const started = performance.now()
await build({ configFile, outDir })
console.log(`ASTRO_BUILD_SECONDS=${((performance.now() - started) / 1000).toFixed(3)}`)
