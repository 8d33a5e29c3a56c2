import rss from '@astrojs/rss'
import type { APIContext } from 'astro'
import { news } from '../../lib/content'
import { siteSettings } from '../../lib/site'

/** The news feed: published stories only (the loader never sees drafts). */
export async function GET(context: APIContext) {
  const settings = await siteSettings()
  return rss({
    title: `${settings.siteName} news`,
    description: 'News from the community safety partnerships.',
    site: context.site!,
    trailingSlash: true,
    items: (await news()).map((n) => ({ title: n.data.title, pubDate: n.data.date, description: n.data.summary, link: `/news/${n.data.slug}/` })),
    customData: '<language>en-GB</language>',
  })
}
