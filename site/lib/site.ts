/** Site-wide data every page needs: the settings from the CMS and the main navigation. */
import { getEntry } from 'astro:content'

export async function siteSettings() {
  const entry = await getEntry('settings', 'site')
  if (!entry) throw new Error('Site settings are missing from the CMS (global "site-settings").')
  return entry.data
}

export const NAV = [
  { href: '/support/', label: 'Find support' },
  { href: '/news/', label: 'News' },
  { href: '/meetings/', label: 'Meetings' },
  { href: '/stay-safe-online/', label: 'Stay safe online' },
] as const

/** Is `href` the current section? (the home link only matches the home page) */
export const isCurrent = (pathname: string, href: string) => (href === '/' ? pathname === '/' : pathname.startsWith(href))
