/**
 * A deterministic synthetic corpus for benchmarks, in the content/ format, so the real seeder
 * (cms/seed/load.ts + seed.ts) imports it unchanged.
 *
 * For N services: N/20 organisations, N/5 news items, N/500 strategies (at least one) with five
 * priorities each, a partnership per borough and two meetings. Text lengths are those of the real
 * seed records (descriptions of 250–700 characters, news bodies of 1.5–3 KB). Vocabularies come
 * from cms/taxonomy.ts.
 *
 * Everything is obviously fictional ("Example Support Service 0001") and carries NO contact
 * details: no phone numbers, emails, websites, addresses or opening hours, so nothing generated
 * here could ever be mistaken for a real way to reach help.
 *
 * Randomness is a seeded PRNG (mulberry32), never Math.random, and no date depends on the clock:
 * the same N and seed always give byte-identical files.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { accessModes, areas, audiences, categories, keys, organisationTypes } from '../cms/taxonomy'

export const DEFAULT_SEED = 20261122

/** mulberry32: tiny, fast, good enough for test data, and the same on every machine. */
export function prng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!
  /** k distinct items, in the list's order. */
  const some = <T>(list: readonly T[], k: number): T[] => {
    const chosen = new Set<number>()
    while (chosen.size < Math.min(k, list.length)) chosen.add(Math.floor(next() * list.length))
    return [...chosen].sort((x, y) => x - y).map((i) => list[i]!)
  }
  const chance = (p: number) => next() < p
  /** A shuffled copy (Fisher–Yates). */
  const shuffle = <T>(list: readonly T[]): T[] => {
    const out = [...list]
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1))
      ;[out[i], out[j]] = [out[j]!, out[i]!]
    }
    return out
  }
  return { next, int, pick, some, chance, shuffle }
}
type Rng = ReturnType<typeof prng>

const pad = (n: number, width: number) => String(n).padStart(width, '0')

const CATEGORY_KEYS = keys(categories)
const AUDIENCE_KEYS = keys(audiences)
const AREA_KEYS = keys(areas)
const BOROUGHS = AREA_KEYS.filter((a) => a !== 'london' && a !== 'national')
const ACCESS_KEYS = keys(accessModes)
const ORG_TYPES = keys(organisationTypes)
const LANGUAGES = ['English', 'Bengali', 'Urdu', 'Polish', 'Romanian', 'Punjabi', 'Somali', 'Lithuanian', 'Tamil', 'Gujarati', 'Arabic', 'Portuguese']

// Sentence pools in the register of the real directory and strategies.
const SERVICE_SENTENCES = [
  'Offers confidential one-to-one support from trained advocates who listen and help people plan for their safety.',
  'Works with people experiencing domestic abuse to understand their options, including housing, legal protection and counselling.',
  'Helps survivors of sexual violence to access specialist counselling and to decide whether to report to the police.',
  'Runs weekly group sessions where people can meet others with similar experiences in a safe and supportive space.',
  'Provides practical help after a crime, such as making a home more secure or finding emotional support.',
  'Supports children and young people affected by violence at home through age-appropriate activities and one-to-one work.',
  'Gives advice on tenancy, homelessness and emergency accommodation for people who cannot stay where they live.',
  'Delivers programmes for people who want to change harmful behaviour towards partners and family members.',
  'Offers culturally sensitive support in community languages, with female workers available on request.',
  'Works alongside schools, youth clubs and health services to spot the early signs of exploitation.',
  'Helps people who use drugs or alcohol to reduce harm and move into treatment at their own pace.',
  'Supports victims of hate crime to report incidents and to get help from partner agencies.',
  'Provides mentoring and diversionary activities, including sport and creative projects, for young people at risk.',
  'Offers free legal information sessions on protection orders, child arrangements and immigration status.',
  'Coordinates support for people at high risk of harm through a multi-agency safety plan.',
  'Keeps a record of what has happened only with consent, and explains clearly how information is shared.',
] as const

const ELIGIBILITY = [
  'Anyone aged 16 or over living in the area.',
  'Women and girls affected by abuse, whether or not it has been reported.',
  'Young people aged 11 to 25 and their families.',
  'Residents referred by a professional, such as a GP, social worker or teacher.',
  'People affected by crime, whenever it happened.',
  'Adults who want to change how they behave towards a partner or family member.',
] as const

const HOW_TO_ACCESS = [
  'Ask a professional you trust, such as your GP, health visitor or social worker, to make a referral.',
  'Speak to a worker at a local community centre, who can put you in touch.',
  'Referrals come through the multi-agency safeguarding hub.',
  'Ask at your local library or family hub for information about this service.',
] as const

const COSTS = ['Free', 'Free of charge', 'Free; some activities ask for a small voluntary contribution'] as const

const NEWS_TOPICS = [
  ['domestic abuse', 'A new campaign encourages neighbours, friends and colleagues to recognise the signs of domestic abuse and to know where to find help.'],
  ['youth diversion', 'Young people from across the borough took part in a summer programme of sport, music and mentoring.'],
  ['antisocial behaviour', 'Residents and partners walked the high street together to agree improvements to lighting and shop fronts.'],
  ['hate crime', 'Partners marked Hate Crime Awareness Week with events in libraries, places of worship and schools.'],
  ['burglary', 'Officers and volunteers offered free home security advice to households in streets with recent burglaries.'],
  ['violence against women and girls', 'The partnership published an update on its work to make streets, parks and transport safer for women and girls.'],
  ['drugs and alcohol', 'A new outreach service helps people who use drugs to reduce harm and access treatment.'],
] as const

const NEWS_PARAGRAPHS = [
  'The work brings together the council, the police, health services, the fire service, probation and local charities, who meet regularly to share what they know and agree where to act first.',
  'Residents told the partnership through surveys and community meetings that they wanted more visible action and clearer information about where to get help.',
  'Partners will report on progress to the Community Safety Partnership Board, and the figures will be published with the board papers.',
  'Anyone who is worried about their own safety or someone else’s can find support services in the directory on this site. In an emergency, always call 999.',
  'Training has been offered to frontline staff in housing, health and schools so that they can recognise the signs early and respond with confidence.',
  'Community groups were invited to apply for small grants to run prevention projects in their own neighbourhoods.',
  'The evaluation found that people who took part felt more confident about where to go for help, and partners said that information sharing had improved.',
  'The project is funded for two years and will be reviewed against the measures set out in the partnership’s strategy.',
] as const

const PRIORITY_THEMES = [
  ['Violence against women and girls', 'Women and girls are safe at home, in public spaces and online.'],
  ['Domestic abuse', 'Victims are supported to be safe and abuse is no longer tolerated.'],
  ['Serious violence', 'Fewer young people are harmed or drawn into violence and exploitation.'],
  ['Antisocial behaviour', 'Residents feel safe and proud of their neighbourhoods.'],
  ['Reducing reoffending', 'People leaving prison or on probation are supported not to reoffend.'],
  ['Hate crime', 'Everyone feels safe to be themselves and reports of hate crime are acted upon.'],
  ['Drug-related harm', 'Fewer people are harmed by drugs and the markets that supply them.'],
] as const

const APPROACH_PARAGRAPHS = [
  'We will work with residents to understand where and when people feel unsafe, and target resources at those places first.',
  'Partners will share information through agreed protocols so that people at risk are identified early and offered support.',
  'We will commission specialist services, including support for children and for people from communities who face extra barriers to help.',
  'Frontline staff across agencies will be trained to recognise the signs and to respond consistently.',
  'We will challenge and change the behaviour of people who cause harm, through enforcement and through programmes that help them stop.',
  'Progress will be reported to the board every quarter and published for residents.',
] as const

function sentences(r: Rng, pool: readonly string[], min: number, max: number) {
  return r.some(pool, r.int(min, max)).join(' ')
}

/** Text of roughly `min`–`max` characters from a sentence pool. */
function textOf(r: Rng, pool: readonly string[], minChars: number, maxChars: number) {
  const out: string[] = []
  let length = 0
  const target = r.int(minChars, maxChars)
  const order = r.shuffle(pool)
  for (let i = 0; length < target; i++) {
    const sentence = order[i % order.length]!
    if (length + sentence.length > maxChars && length >= minChars) break
    out.push(sentence)
    length += sentence.length + 1
  }
  return out.join(' ')
}

const date = (r: Rng, fromYear: number, toYear: number) =>
  `${r.int(fromYear, toYear)}-${pad(r.int(1, 12), 2)}-${pad(r.int(1, 28), 2)}`

export type Corpus = Map<string, unknown>

export function corpusSizes(services: number) {
  return {
    services,
    organisations: Math.max(1, Math.round(services / 20)),
    news: Math.max(1, Math.round(services / 5)),
    strategies: Math.max(1, Math.round(services / 500)),
    prioritiesPerStrategy: 5,
    partnerships: BOROUGHS.length,
    meetings: 2,
  }
}

/** The corpus as relative file path → JSON value. */
export function generateCorpus(services: number, seed = DEFAULT_SEED): Corpus {
  const r = prng(seed ^ services)
  const size = corpusSizes(services)
  const files: Corpus = new Map()
  // The shipped interface strings, as a fresh install has them, with their languages on (issue 20);
  // BENCH_LANGUAGES=off builds the same corpus with English only, to measure what the languages cost.
  const shipped = path.join(import.meta.dirname, '..', 'content', 'languages')
  for (const name of readdirSync(shipped).sort()) files.set(`languages/${name}`, JSON.parse(readFileSync(path.join(shipped, name), 'utf8')))
  if (process.env.BENCH_LANGUAGES === 'off') files.set('settings.json', { languages: [] })
  const sourceDocument = 'Synthetic benchmark corpus (bench/corpus.ts); fictional, not real services'

  const orgSlugs: string[] = []
  for (let i = 1; i <= size.organisations; i++) {
    const slug = `example-support-service-${pad(i, 4)}`
    orgSlugs.push(slug)
    files.set(`organisations/${slug}.json`, {
      slug,
      name: `Example Support Service ${pad(i, 4)}`,
      type: r.pick(ORG_TYPES),
      description: `A fictional organisation made up for benchmarks. ${sentences(r, SERVICE_SENTENCES, 1, 3)}`,
      sourceDocument,
    })
  }

  const partnershipSlugs: string[] = []
  for (const [i, area] of BOROUGHS.entries()) {
    const slug = `example-partnership-${i + 1}`
    partnershipSlugs.push(slug)
    files.set(`partnerships/${slug}.json`, {
      slug,
      name: `Example Community Safety Partnership ${i + 1}`,
      area,
      summary: `A fictional partnership for benchmarks, covering ${areas[area]}.`,
      body: `${textOf(r, NEWS_PARAGRAPHS, 600, 1200)}\n\n${textOf(r, NEWS_PARAGRAPHS, 400, 900)}`,
      members: r.some(orgSlugs, Math.min(orgSlugs.length, 8)).map((organisation, j) => ({ organisation, ...(j === 0 ? { role: 'Chair' } : {}) })),
      sourceDocument,
    })
  }

  for (let i = 1; i <= size.strategies; i++) {
    const slug = `example-strategy-${pad(i, 3)}`
    const start = 2020 + (i % 5)
    const themes = r.some(PRIORITY_THEMES, size.prioritiesPerStrategy)
    files.set(`strategies/${slug}.json`, {
      slug,
      title: `Example Community Safety Strategy ${pad(i, 3)}, ${start}–${start + 3}`,
      partnership: partnershipSlugs[(i - 1) % partnershipSlugs.length],
      periodStart: start,
      periodEnd: start + 3,
      status: 'adopted',
      summary: `A fictional strategy for benchmarks with ${size.prioritiesPerStrategy} priorities.`,
      vision: 'A borough where everyone is safe and feels safe.',
      body: Array.from({ length: 4 }, (_, k) => `## Part ${k + 1}\n\n${textOf(r, NEWS_PARAGRAPHS, 500, 1000)}`).join('\n\n'),
      priorities: themes.map(([title, goal], k) => ({
        slug: `${slug}-priority-${k + 1}`,
        title,
        order: k + 1,
        goal,
        approach: `${textOf(r, APPROACH_PARAGRAPHS, 300, 600)}\n\n${textOf(r, APPROACH_PARAGRAPHS, 200, 500)}`,
        outcomes: r.some(APPROACH_PARAGRAPHS, 3).map((s) => `- ${s}`).join('\n'),
        measures: Array.from({ length: r.int(2, 4) }, (_, m) => {
          const baseline = r.int(40, 400)
          const reduce = r.chance(0.5)
          return {
            direction: reduce ? 'reduce' : 'increase',
            description: `Measure ${m + 1}: reported incidents and referrals for ${title.toLowerCase()}.`,
            baseline: { value: baseline, unit: 'per year', date: `${start - 1}-03-31`, source: 'Fictional figures for benchmarks' },
            target: { value: Math.round(baseline * (reduce ? 0.8 : 1.2)), date: `${start + 3}-03-31` },
            readings: [1, 2].map((y) => ({ date: `${start + y - 1}-03-31`, value: Math.round(baseline * (1 + (r.next() - 0.5) * 0.3)) })),
          }
        }),
      })),
      sourceDocument,
    })
  }

  for (let i = 1; i <= services; i++) {
    const slug = `example-service-${pad(i, 5)}`
    const cats = r.some(CATEGORY_KEYS, r.int(1, 3))
    files.set(`services/${slug}.json`, {
      slug,
      name: `Example ${categories[cats[0]!].toLowerCase()} service ${pad(i, 5)}`,
      organisation: orgSlugs[(i - 1) % orgSlugs.length],
      description: `Fictional entry for benchmarks. ${textOf(r, SERVICE_SENTENCES, 250, 650)}`,
      categories: cats,
      audiences: r.some(AUDIENCE_KEYS, r.int(1, 3)),
      areas: r.some(AREA_KEYS, r.int(1, 2)),
      languages: r.chance(0.4) ? r.some(LANGUAGES, r.int(1, 3)) : [],
      accessModes: r.some(ACCESS_KEYS, r.int(1, 3)),
      urgent: r.chance(0.05),
      contact: {},
      howToAccess: r.pick(HOW_TO_ACCESS),
      eligibility: r.pick(ELIGIBILITY),
      cost: r.pick(COSTS),
      ...(r.chance(0.7) ? { confirmed: { on: date(r, 2025, 2026), by: 'Benchmark editor' } } : {}),
      sourceDocument,
    })
  }

  for (let i = 1; i <= size.news; i++) {
    const [topic, lead] = r.pick(NEWS_TOPICS)
    const slug = `example-news-${pad(i, 5)}`
    files.set(`news/${slug}.json`, {
      slug,
      title: `Example story ${pad(i, 5)}: partners step up work on ${topic}`,
      date: date(r, 2023, 2026),
      summary: lead,
      partnerships: r.some(partnershipSlugs, r.int(1, 2)),
      body: [lead, ...r.some(NEWS_PARAGRAPHS, r.int(4, 7))].join('\n\n'),
      tags: [topic],
      sourceDocument,
    })
  }

  for (let i = 1; i <= size.meetings; i++) {
    const slug = `example-board-meeting-${i}`
    files.set(`meetings/${slug}.json`, {
      slug,
      title: `Example Community Safety Partnership Board, meeting ${i}`,
      partnership: partnershipSlugs[(i - 1) % partnershipSlugs.length],
      board: 'Community Safety Partnership Board',
      date: `2026-0${i + 2}-15`,
      venue: 'A fictional venue',
      agenda: [
        { number: '1', title: 'Welcome and apologies', presenter: 'Chair', classification: 'public', summary: 'Verbal item.' },
        { number: '2', title: 'Performance report', presenter: 'Partnership manager', classification: 'public', summary: 'Quarterly figures.', paper: textOf(r, NEWS_PARAGRAPHS, 800, 1500) },
        // Kept off the public site by the CMS's read access: exercises the guard at scale.
        { number: '3', title: 'Case review', presenter: 'Chair', classification: 'restricted', summary: 'Not for publication.' },
        { number: '4', title: 'Any other business', presenter: 'Chair', classification: 'public' },
      ],
      sourceDocument,
    })
  }
  return files
}

/** Writes the corpus into `dir` (emptied first), pretty-printed like content/. */
export async function writeCorpus(dir: string, services: number, seed = DEFAULT_SEED): Promise<number> {
  await rm(dir, { recursive: true, force: true })
  const files = generateCorpus(services, seed)
  for (const folder of new Set([...files.keys()].map((f) => path.dirname(f)))) await mkdir(path.join(dir, folder), { recursive: true })
  const entries = [...files]
  // Bounded parallelism: thousands of small files.
  for (let i = 0; i < entries.length; i += 256)
    await Promise.all(entries.slice(i, i + 256).map(([file, value]) => writeFile(path.join(dir, file), `${JSON.stringify(value, null, 2)}\n`)))
  return files.size
}
