// The warm renderer's Astro config: the benchmark's floor config (the site, reading a JSON snapshot
// instead of the CMS) plus the hooks that keep the build's renderer and content store (integration.mjs).
import floor from '../astro.config.mjs'
import { warmRenderer } from './integration.mjs'

export default { ...floor, integrations: [...(floor.integrations ?? []), warmRenderer()] }
