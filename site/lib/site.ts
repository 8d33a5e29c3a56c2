/** Site-wide data every page needs: the settings from the CMS (the navigation's words are in layouts/Base.astro, per language). */
import { getEntry } from 'astro:content'
import type { SiteSettings } from '../schemas'

/**
 * `locals`: the page's Astro.locals. A preview (site-preview/, rendered on demand outside the
 * static build's content store) passes the settings it read from the CMS there.
 */
export async function siteSettings(locals?: object): Promise<SiteSettings> {
  const given = (locals as { siteSettings?: SiteSettings } | undefined)?.siteSettings
  if (given) return given
  const entry = await getEntry('settings', 'site')
  if (!entry) throw new Error('Site settings are missing from the CMS (global "site-settings").')
  return entry.data
}

/** Is `href` the current section? (the home link only matches the home page) */
export const isCurrent = (pathname: string, href: string) => (href === '/' ? pathname === '/' : pathname.startsWith(href))
