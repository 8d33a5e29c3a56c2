/**
 * Shared by the site (site/lib/incremental.ts, inside Astro) and the build around it
 * (scripts/lib/site-build.ts): the words a changed-pages build stops with when only a full build
 * can get the site right. Plain, so the build can import it without Astro.
 */
export const FULL_BUILD_NEEDED = 'csp-hub: a full build is needed'
