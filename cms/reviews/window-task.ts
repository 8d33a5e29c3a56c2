/**
 * The publication window, a daily task on the jobs queue: a published review whose window (a site
 * setting, 12 months by default) has passed moves to "available on request" — its report,
 * summary and attachments leave the site and the API (field access), and its page says how to ask
 * for it. The task takes `now` so tests choose the day. The site build applies the same rule on
 * its own (site/lib/reviews.ts), so a review is never shown past its window between two runs.
 */
import type { Payload, PayloadRequest, TaskConfig } from 'payload'
import { DEFAULT_PUBLICATION_WINDOW_MONTHS, isPastWindow } from './rules'

export async function publicationWindowMonths(payload: Payload, req?: PayloadRequest): Promise<number> {
  const settings = (await payload.findGlobal({ slug: 'site-settings', depth: 0, overrideAccess: true, req })) as { reviews?: { publicationWindowMonths?: number | null } }
  return settings.reviews?.publicationWindowMonths || DEFAULT_PUBLICATION_WINDOW_MONTHS
}

/** Moves every review past its window at `now`; resolves with the ids moved. */
export async function closePublicationWindows(payload: Payload, now: Date, req?: PayloadRequest): Promise<(number | string)[]> {
  const months = await publicationWindowMonths(payload, req)
  const { docs } = await payload.find({
    collection: 'reviews',
    where: { and: [{ _status: { equals: 'published' } }, { status: { equals: 'published' } }] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
    select: { status: true, publishedAt: true },
  })
  const moved: (number | string)[] = []
  for (const doc of docs) {
    if (!isPastWindow(doc, now, months)) continue
    await payload.update({ collection: 'reviews', id: doc.id, data: { status: 'available-on-request', _status: 'published' }, overrideAccess: true, req })
    moved.push(doc.id)
  }
  return moved
}

type WindowIO = { input: { now?: string | null }; output: { moved: number } }

export const reviewWindowTask: TaskConfig<WindowIO> = {
  slug: 'review-publication-window',
  label: 'Move reviews past their publication window to “available on request”',
  inputSchema: [{ name: 'now', type: 'text', admin: { description: 'ISO date-time to judge the window at; empty = now.' } }],
  outputSchema: [{ name: 'moved', type: 'number', required: true }],
  schedule: [{ cron: '15 2 * * *', queue: 'default' }],
  retries: 2,
  handler: async ({ input, req }) => ({ output: { moved: (await closePublicationWindows(req.payload, input?.now ? new Date(input.now) : new Date(), req)).length } }),
}
