/**
 * Review-due reminders, two scheduled tasks on the jobs queue:
 * - `partner-reminders`, on the 1st of each month: each partner organisation's users get one
 *   email listing that organisation's published directory entries due or overdue for their
 *   six-monthly check (cms/rules/review-due.ts), each with a link;
 * - `editor-digest`, every Monday: each editor and admin gets the review queue and the overdue
 *   entries whose organisation has no partner account to remind.
 * Each email carries a key (recipient + period: the month, or the ISO week) and a key is sent
 * once (queue.ts), so a rerun, a retry or a second CMS never sends a period twice. The tasks take
 * `now` so the period can be chosen (tests; staff through POST /api/emails/reminders).
 */
import type { Endpoint, Payload, PayloadRequest, TaskConfig } from 'payload'
import { Forbidden } from 'payload'
import { isStaff } from '../access'
import { relationId } from '../fields/relation'
import type { Organisation, Service, User } from '../payload-types'
import { isReviewDue } from '../rules'
import { EMAIL_QUEUE, queueEmail, runEmailQueueSoon } from './queue'
import { editorDigestEmail, monthLabel, partnerDigestEmail, weekLabel, type DueEntry } from './templates'

export const monthOf = (now: Date) => now.toISOString().slice(0, 7)

/** ISO 8601 week, e.g. 2026-W48. */
export function isoWeekOf(now: Date): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
  const day = d.getUTCDay() || 7
  d.setUTCDate(d.getUTCDate() + 4 - day)
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1)
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7)
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`
}

type Entry = Pick<Service, 'id' | 'name' | 'organisation' | 'confirmed'>

/** Published entries due for their check on `now`, by owning organisation id ('' for none). */
export function dueByOrganisation(entries: Entry[], now: Date): Map<string, DueEntry[]> {
  const byOrg = new Map<string, DueEntry[]>()
  for (const e of entries) {
    if (!isReviewDue(e.confirmed?.on, now)) continue
    const org = String(relationId(e.organisation) ?? '')
    byOrg.set(org, [...(byOrg.get(org) ?? []), { id: e.id, name: e.name, confirmedOn: e.confirmed?.on ?? null }])
  }
  for (const list of byOrg.values()) list.sort((a, b) => a.name.localeCompare(b.name))
  return byOrg
}

async function publishedEntries(payload: Payload, req?: PayloadRequest): Promise<Entry[]> {
  const { docs } = await payload.find({ collection: 'services', where: { _status: { equals: 'published' } }, pagination: false, depth: 0, overrideAccess: true, req, select: { name: true, organisation: true, confirmed: true } })
  return docs as Entry[]
}

async function users(payload: Payload, where: Record<string, unknown>, req?: PayloadRequest): Promise<User[]> {
  const { docs } = await payload.find({ collection: 'users', where: where as never, pagination: false, depth: 0, overrideAccess: true, req })
  return docs as User[]
}

export async function sendPartnerReminders(payload: Payload, now: Date, req?: PayloadRequest): Promise<number> {
  const period = monthOf(now)
  const due = dueByOrganisation(await publishedEntries(payload, req), now)
  let queued = 0
  for (const user of await users(payload, { role: { equals: 'partner' } }, req)) {
    const org = String(relationId(user.organisation) ?? '')
    const entries = due.get(org)
    if (!org || !entries?.length) continue
    const organisation = (await payload.findByID({ collection: 'organisations', id: org, depth: 0, draft: true, overrideAccess: true, disableErrors: true, req })) as Organisation | null
    const message = partnerDigestEmail({ base: payload.config.serverURL, organisation: organisation?.name ?? 'Your organisation', period: monthLabel(now), entries })
    if (await queueEmail(payload, { ...message, to: user.email, kind: 'partner-digest', key: `partner-digest:${period}:${user.id}` }, req)) queued++
  }
  return queued
}

export async function sendEditorDigest(payload: Payload, now: Date, req?: PayloadRequest): Promise<number> {
  const period = isoWeekOf(now)
  const pending = (
    await Promise.all(
      (['services', 'organisations'] as const).map(async (collection) => {
        const { docs } = await payload.find({ collection, draft: true, where: { 'review.state': { equals: 'pending' } }, pagination: false, depth: 0, overrideAccess: true, req })
        return docs.map((d) => ({ id: d.id, name: String(d.name), collection }))
      }),
    )
  ).flat()
  const partners = await users(payload, { role: { equals: 'partner' } }, req)
  const reminded = new Set(partners.map((p) => String(relationId(p.organisation) ?? '')).filter(Boolean))
  const orphaned: (DueEntry & { organisation: string })[] = []
  for (const [org, entries] of dueByOrganisation(await publishedEntries(payload, req), now)) {
    if (reminded.has(org)) continue
    const name = org ? ((await payload.findByID({ collection: 'organisations', id: org, depth: 0, draft: true, overrideAccess: true, disableErrors: true, req })) as Organisation | null)?.name : null
    orphaned.push(...entries.map((e) => ({ ...e, organisation: name ?? 'provider not named' })))
  }
  let queued = 0
  for (const editor of await users(payload, { role: { in: ['editor', 'admin'] } }, req)) {
    const message = editorDigestEmail({ base: payload.config.serverURL, period: weekLabel(now), pending, orphaned })
    if (await queueEmail(payload, { ...message, to: editor.email, kind: 'editor-digest', key: `editor-digest:${period}:${editor.id}` }, req)) queued++
  }
  return queued
}

type ReminderIO = { input: { now?: string | null }; output: { queued: number } }
const when = (now?: string | null) => (now ? new Date(now) : new Date())
const nowField = [{ name: 'now', type: 'text' as const, admin: { description: 'ISO date-time the period is taken from; empty = now.' } }]

export const partnerRemindersTask: TaskConfig<ReminderIO> = {
  slug: 'partner-reminders',
  label: 'Monthly review-due reminders to partners',
  inputSchema: nowField,
  outputSchema: [{ name: 'queued', type: 'number', required: true }],
  schedule: [{ cron: '0 7 1 * *', queue: EMAIL_QUEUE }],
  retries: 2,
  handler: async ({ input, req }) => ({ output: { queued: await sendPartnerReminders(req.payload, when(input?.now), req) } }),
}

export const editorDigestTask: TaskConfig<ReminderIO> = {
  slug: 'editor-digest',
  label: 'Weekly review digest to editors',
  inputSchema: nowField,
  outputSchema: [{ name: 'queued', type: 'number', required: true }],
  schedule: [{ cron: '0 7 * * 1', queue: EMAIL_QUEUE }],
  retries: 2,
  handler: async ({ input, req }) => ({ output: { queued: await sendEditorDigest(req.payload, when(input?.now), req) } }),
}

/** POST /api/emails/reminders {audience: 'partners'|'editors', now?}: staff queue a reminder run now. */
export const remindersEndpoint: Endpoint = {
  path: '/reminders',
  method: 'post',
  handler: async (req) => {
    if (!isStaff(req.user)) throw new Forbidden(req.t)
    const body = ((await req.json?.().catch(() => ({}))) ?? {}) as { audience?: string; now?: string }
    const task = body.audience === 'editors' ? 'editor-digest' : 'partner-reminders'
    const now = body.now && !Number.isNaN(new Date(body.now).getTime()) ? new Date(body.now).toISOString() : null
    const job = (await req.payload.jobs.queue({ task: task as never, queue: EMAIL_QUEUE, input: { now } as never })) as { id: number | string }
    runEmailQueueSoon(req.payload)
    return Response.json({ message: 'Queued', job: job.id }, { status: 202 })
  },
}
