/**
 * Words a build's failure starts with that its reporters must act on, shared by the build
 * (scripts/lib/site-build.ts) and the CMS that logs it (run-build.ts). Here, in cms/, because the
 * admin's code hash covers cms/ (scripts/lib/admin-sources.ts) and the CMS imports it.
 *
 * PARTLY_LIVE: the build failed after some of its pages went live (the edited records' own pages,
 * site-build.ts FirstLive). The site is then not "as before", and whoever reports the failure must
 * not say it is.
 */
export const PARTLY_LIVE = 'Some pages of this publish went live before it failed'
