/**
 * Reads content/ and checks every file against its zod schema and every cross-reference, before
 * anything is written. One bad file stops the seed with messages naming the file and the field.
 */
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { z } from 'zod'
import {
  meetingSchema,
  newsSchema,
  organisationSchema,
  partnershipSchema,
  serviceSchema,
  strategySchema,
  type MeetingSeed,
  type NewsSeed,
  type OrganisationSeed,
  type PartnershipSeed,
  type ServiceSeed,
  type StrategySeed,
} from './schemas'

export type ContentBundle = {
  organisations: OrganisationSeed[]
  partnerships: PartnershipSeed[]
  strategies: StrategySeed[]
  services: ServiceSeed[]
  news: NewsSeed[]
  meetings: MeetingSeed[]
}

/** Folder in content/ → the schema every JSON file in it must match. */
export const contentFolders = {
  organisations: organisationSchema,
  partnerships: partnershipSchema,
  strategies: strategySchema,
  services: serviceSchema,
  news: newsSchema,
  meetings: meetingSchema,
} satisfies Record<keyof ContentBundle, z.ZodType>

export class ContentError extends Error {
  override name = 'ContentError'
  constructor(public readonly problems: string[]) {
    super(`content/ has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was written:\n  - ${problems.join('\n  - ')}`)
  }
}

const fieldPath = (issuePath: PropertyKey[]) =>
  issuePath.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '') || '(file)'

async function listJson(folder: string): Promise<string[]> {
  try {
    return (await readdir(folder)).filter((name) => name.endsWith('.json')).sort()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
}

/** Parses and checks content/; throws ContentError listing every problem found. */
export async function loadContent(root: string): Promise<ContentBundle> {
  const problems: string[] = []
  const bundle = {} as ContentBundle
  for (const [folder, schema] of Object.entries(contentFolders) as [keyof ContentBundle, z.ZodType][]) {
    const records: { slug: string }[] = []
    for (const name of await listJson(path.join(root, folder))) {
      const file = path.join(folder, name)
      let json: unknown
      try {
        json = JSON.parse(await readFile(path.join(root, file), 'utf8'))
      } catch (error) {
        problems.push(`${file}: is not valid JSON (${(error as Error).message})`)
        continue
      }
      const result = schema.safeParse(json)
      if (!result.success) {
        for (const issue of result.error.issues) problems.push(`${file}: ${fieldPath(issue.path)} ${issue.message}`)
        continue
      }
      const record = result.data as { slug: string }
      if (`${record.slug}.json` !== name) problems.push(`${file}: slug "${record.slug}" must match the file name`)
      if (records.some((other) => other.slug === record.slug)) problems.push(`${file}: slug "${record.slug}" is used twice`)
      records.push(record)
    }
    ;(bundle as Record<string, unknown>)[folder] = records
  }
  problems.push(...crossReferenceProblems(bundle))
  if (problems.length) throw new ContentError(problems)
  return bundle
}

/** Every slug one record names must exist; priority slugs must be unique across strategies. */
export function crossReferenceProblems(bundle: ContentBundle): string[] {
  const problems: string[] = []
  const organisations = new Set(bundle.organisations.map((o) => o.slug))
  const partnerships = new Set(bundle.partnerships.map((p) => p.slug))
  const need = (set: Set<string>, slug: string, where: string, kind: string) => {
    if (!set.has(slug)) problems.push(`${where}: ${kind} "${slug}" does not exist in content/${kind === 'organisation' ? 'organisations' : 'partnerships'}/`)
  }
  for (const p of bundle.partnerships)
    p.members.forEach((m, i) => need(organisations, m.organisation, `partnerships/${p.slug}.json: members[${i}].organisation`, 'organisation'))
  for (const s of bundle.strategies) need(partnerships, s.partnership, `strategies/${s.slug}.json: partnership`, 'partnership')
  for (const s of bundle.services) need(organisations, s.organisation, `services/${s.slug}.json: organisation`, 'organisation')
  for (const n of bundle.news) n.partnerships.forEach((p, i) => need(partnerships, p, `news/${n.slug}.json: partnerships[${i}]`, 'partnership'))
  for (const m of bundle.meetings) need(partnerships, m.partnership, `meetings/${m.slug}.json: partnership`, 'partnership')
  const prioritySlugs = new Map<string, string>()
  for (const s of bundle.strategies)
    for (const p of s.priorities) {
      const other = prioritySlugs.get(p.slug)
      if (other) problems.push(`strategies/${s.slug}.json: priority slug "${p.slug}" is also used in strategies/${other}.json`)
      prioritySlugs.set(p.slug, s.slug)
    }
  for (const m of bundle.meetings) {
    const numbers = new Set<string>()
    m.agenda.forEach((item, i) => {
      if (numbers.has(item.number)) problems.push(`meetings/${m.slug}.json: agenda[${i}].number "${item.number}" is used twice`)
      numbers.add(item.number)
    })
  }
  return problems
}
