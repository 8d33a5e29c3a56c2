/**
 * Reads content/ (or a backup in the same format) and checks every file against its zod schema and
 * every cross-reference, before anything is written. One bad file stops the seed with messages
 * naming the file and the field.
 */
import { access, readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { z } from 'zod'
import {
  mediaListSchema,
  sourcesListSchema,
  meetingSchema,
  newsSchema,
  organisationSchema,
  partnershipSchema,
  serviceSchema,
  settingsSchema,
  strategySchema,
  type MediaSeed,
  type OriginSeed,
  type MeetingSeed,
  type NewsSeed,
  type OrganisationSeed,
  type PartnershipSeed,
  type ServiceSeed,
  type SettingsSeed,
  type StrategySeed,
  languageSchema,
  type LanguageSeed,
} from './schemas'
import { homicideReviewSchema, reviewCrossReferenceProblems, type HomicideReviewSeed } from './review-schemas'

export type ContentBundle = {
  organisations: OrganisationSeed[]
  partnerships: PartnershipSeed[]
  strategies: StrategySeed[]
  services: ServiceSeed[]
  news: NewsSeed[]
  meetings: MeetingSeed[]
  /** Domestic homicide reviews with their recommendations: in backups only, never in content/ (./review-schemas.ts). */
  reviews: HomicideReviewSeed[]
  /** media.json: files in `mediaDir`, uploaded through Payload (sharp makes the sizes). */
  media: MediaSeed[]
  mediaDir: string
  /** settings.json, when there is one. */
  settings?: SettingsSeed
  /**
   * sources/sources.json: each seed document's title and its own date or period, by file name.
   * A directory entry's public "From: …" line comes from here unless the entry gives its own `origin`.
   */
  sources: Record<string, OriginSeed>
  /** languages/<code>.json: the site's interface strings, one file per language (issue 20). */
  languages: LanguageSeed[]
}

/** Where media files and their list live inside a content folder. */
export const MEDIA_FOLDER = 'media'
export const MEDIA_LIST = 'media.json'
export const SETTINGS_FILE = 'settings.json'
export const SOURCES_LIST = 'sources/sources.json'
export const LANGUAGES_FOLDER = 'languages'

/** Folder in content/ → the schema every JSON file in it must match. */
export const contentFolders = {
  organisations: organisationSchema,
  partnerships: partnershipSchema,
  strategies: strategySchema,
  services: serviceSchema,
  news: newsSchema,
  meetings: meetingSchema,
  reviews: homicideReviewSchema,
} satisfies Record<Exclude<keyof ContentBundle, 'media' | 'mediaDir' | 'settings' | 'sources' | 'languages'>, z.ZodType>
type RecordFolder = keyof typeof contentFolders

export class ContentError extends Error {
  override name = 'ContentError'
  constructor(public readonly problems: string[]) {
    super(`content/ has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was written:\n  - ${problems.join('\n  - ')}`)
  }
}

const fieldPath = (issuePath: PropertyKey[]) =>
  issuePath.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '') || '(file)'

/** Zod's message, except unknown keys, which are named as fields (usually a typo, or a field a draft cannot hold). */
const messageOf = (issue: z.core.$ZodIssue) =>
  issue.code === 'unrecognized_keys'
    ? `has unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((key) => `"${key}"`).join(', ')}`
    : issue.message

async function listJson(folder: string): Promise<string[]> {
  try {
    return (await readdir(folder)).filter((name) => name.endsWith('.json')).sort()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
}

/** Each file's text (or the error reading it), in order, with a few reads in flight at a time. */
async function readAll(files: string[], inFlight = 32): Promise<(string | Error)[]> {
  const texts: (string | Error)[] = new Array(files.length)
  let next = 0
  const worker = async () => {
    while (next < files.length) {
      const i = next++
      texts[i] = await readFile(files[i]!, 'utf8').catch((error: Error) => error)
    }
  }
  await Promise.all(Array.from({ length: Math.min(inFlight, files.length) }, worker))
  return texts
}

const exists = (file: string) => access(file).then(() => true, () => false)

/** Reads one optional JSON file and checks it; undefined when the file is absent or wrong. */
async function readChecked<T>(root: string, file: string, schema: z.ZodType<T>, problems: string[]): Promise<T | undefined> {
  let json: unknown
  try {
    json = JSON.parse(await readFile(path.join(root, file), 'utf8'))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    problems.push(`${file}: is not valid JSON (${(error as Error).message})`)
    return undefined
  }
  const result = schema.safeParse(json)
  if (!result.success) {
    for (const issue of result.error.issues) problems.push(`${file}: ${fieldPath(issue.path)} ${messageOf(issue)}`)
    return undefined
  }
  return result.data
}

/** Parses and checks content/; throws ContentError listing every problem found. */
export async function loadContent(root: string): Promise<ContentBundle> {
  const problems: string[] = []
  const bundle = { mediaDir: path.join(root, MEDIA_FOLDER) } as ContentBundle
  for (const [folder, schema] of Object.entries(contentFolders) as [RecordFolder, z.ZodType][]) {
    const records: { slug: string }[] = []
    const slugs = new Set<string>()
    const names = await listJson(path.join(root, folder))
    // Read many at a time (10,000 files one after another took seconds), checked in name order.
    const texts = await readAll(names.map((name) => path.join(root, folder, name)))
    for (const [i, name] of names.entries()) {
      const file = path.join(folder, name)
      let json: unknown
      try {
        const text = texts[i]!
        if (text instanceof Error) throw text
        json = JSON.parse(text)
      } catch (error) {
        problems.push(`${file}: is not valid JSON (${(error as Error).message})`)
        continue
      }
      const result = schema.safeParse(json)
      if (!result.success) {
        for (const issue of result.error.issues) problems.push(`${file}: ${fieldPath(issue.path)} ${messageOf(issue)}`)
        continue
      }
      const record = result.data as { slug: string }
      if (`${record.slug}.json` !== name) problems.push(`${file}: slug "${record.slug}" must match the file name`)
      if (slugs.has(record.slug)) problems.push(`${file}: slug "${record.slug}" is used twice`)
      slugs.add(record.slug)
      records.push(record)
    }
    ;(bundle as Record<string, unknown>)[folder] = records
  }
  bundle.media = (await readChecked(root, MEDIA_LIST, mediaListSchema, problems)) ?? []
  const files = new Set<string>()
  for (const [i, item] of bundle.media.entries()) {
    if (files.has(item.file)) problems.push(`${MEDIA_LIST}: [${i}].file "${item.file}" is listed twice`)
    files.add(item.file)
    if (!(await exists(path.join(bundle.mediaDir, item.file)))) problems.push(`${MEDIA_LIST}: [${i}].file "${item.file}" does not exist in ${MEDIA_FOLDER}/`)
  }
  bundle.settings = await readChecked(root, SETTINGS_FILE, settingsSchema, problems)
  bundle.sources = (await readChecked(root, SOURCES_LIST, sourcesListSchema, problems)) ?? {}
  bundle.languages = []
  for (const name of await listJson(path.join(root, LANGUAGES_FOLDER))) {
    const file = `${LANGUAGES_FOLDER}/${name}`
    const language = await readChecked(root, file, languageSchema, problems)
    if (language && `${language.code}.json` !== name) problems.push(`${file}: code "${language.code}" must match the file name`)
    if (language) bundle.languages.push(language)
  }
  problems.push(...crossReferenceProblems(bundle), ...reviewCrossReferenceProblems(bundle))
  if (problems.length) throw new ContentError(problems)
  return bundle
}

/**
 * Every slug or media file one record names (in its live version or its draft) must exist;
 * priority slugs must be unique across strategies.
 */
export function crossReferenceProblems(bundle: ContentBundle): string[] {
  const problems: string[] = []
  const organisations = new Set(bundle.organisations.map((o) => o.slug))
  const partnerships = new Set(bundle.partnerships.map((p) => p.slug))
  const media = new Set((bundle.media ?? []).map((m) => m.file))
  const need = (set: Set<string>, slug: unknown, where: string, kind: string) => {
    if (typeof slug === 'string' && !set.has(slug))
      problems.push(`${where}: ${kind} "${slug}" does not exist in content/${kind === 'organisation' ? 'organisations' : 'partnerships'}/`)
  }
  const needFile = (file: unknown, where: string) => {
    if (typeof file === 'string' && !media.has(file)) problems.push(`${where}: media file "${file}" is not listed in ${MEDIA_LIST}`)
  }
  /** The live version and, when there is one, the pending draft, with the field prefix to report. */
  const versions = (record: object) => {
    const { draft } = record as { draft?: object }
    return [[record, ''], ...(draft ? [[draft, 'draft.']] : [])] as [Record<string, unknown>, string][]
  }
  for (const p of bundle.partnerships) {
    p.members.forEach((m, i) => need(organisations, m.organisation, `partnerships/${p.slug}.json: members[${i}].organisation`, 'organisation'))
    needFile(p.logo, `partnerships/${p.slug}.json: logo`)
  }
  for (const s of bundle.strategies)
    for (const [v, at] of versions(s)) {
      need(partnerships, v.partnership, `strategies/${s.slug}.json: ${at}partnership`, 'partnership')
      needFile(v.document, `strategies/${s.slug}.json: ${at}document`)
    }
  for (const s of bundle.services) for (const [v, at] of versions(s)) need(organisations, v.organisation, `services/${s.slug}.json: ${at}organisation`, 'organisation')
  // One translation per language, as the CMS allows (cms/translations/hooks.ts).
  const oncePerLanguage = (translations: { language?: string }[] | undefined, at: string) => {
    const seen = new Set<string>()
    for (const [i, t] of (translations ?? []).entries()) {
      if (t.language && seen.has(t.language)) problems.push(`${at}translations[${i}].language "${t.language}" is given twice`)
      if (t.language) seen.add(t.language)
    }
  }
  for (const n of bundle.news) oncePerLanguage(n.translations, `news/${n.slug}.json: `)
  for (const s of bundle.services) oncePerLanguage(s.translations, `services/${s.slug}.json: `)
  for (const s of bundle.strategies) {
    oncePerLanguage(s.translations, `strategies/${s.slug}.json: `)
    for (const [i, p] of (s.priorities ?? []).entries()) oncePerLanguage(p.translations, `strategies/${s.slug}.json: priorities[${i}].`)
  }
  for (const n of bundle.news)
    for (const [v, at] of versions(n)) {
      ;((v.partnerships ?? []) as string[]).forEach((p, i) => need(partnerships, p, `news/${n.slug}.json: ${at}partnerships[${i}]`, 'partnership'))
      needFile(v.image, `news/${n.slug}.json: ${at}image`)
    }
  for (const m of bundle.meetings) for (const [v, at] of versions(m)) need(partnerships, v.partnership, `meetings/${m.slug}.json: ${at}partnership`, 'partnership')
  const prioritySlugs = new Map<string, string>()
  for (const s of bundle.strategies)
    for (const p of s.priorities ?? []) {
      const other = prioritySlugs.get(p.slug)
      if (other) problems.push(`strategies/${s.slug}.json: priority slug "${p.slug}" is also used in strategies/${other}.json`)
      prioritySlugs.set(p.slug, s.slug)
    }
  for (const m of bundle.meetings) {
    const numbers = new Set<string>()
    ;(m.agenda ?? []).forEach((item, i) => {
      if (numbers.has(item.number)) problems.push(`meetings/${m.slug}.json: agenda[${i}].number "${item.number}" is used twice`)
      numbers.add(item.number)
    })
  }
  return problems
}
