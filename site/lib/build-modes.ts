/**
 * Shared by the site (site/lib/incremental.ts, inside Astro) and the build around it
 * (scripts/lib/site-build.ts): the words a changed-pages build stops with when only a full build
 * can get the site right. Plain, so the build can import it without Astro.
 */
export const FULL_BUILD_NEEDED = 'csp-hub: a full build is needed'

/**
 * Starts the words of a build that failed after some of its pages went live (the edited records'
 * own pages, scripts/lib/site-build.ts FirstLive): the site is then not "as before", and whoever
 * reports the failure must not say it is.
 */
export const PARTLY_LIVE = 'Some pages of this publish went live before it failed'
