/**
 * A collection's anonymous read that, in a process that reads it again and again (the warm
 * renderer, scripts/lib/warm/), re-reads only the records that changed since its last read. At
 * 10,000 directory entries the whole read was 2.0-2.8 s of every publish; this one asks the CMS,
 * through the same Local API and the same access rules, for every visible record's id and
 * `updatedAt` (0.7-0.9 s), and for the changed ones in full.
 *
 * A record is read again when:
 * - its `updatedAt` differs from the last read's, or it is new to the visible set;
 * - a record it shows populated (a relationship or upload field, at depth 1: a service's
 *   organisation) changed, appeared or stopped being visible.
 * One that is no longer visible (unpublished, deleted, its access says no) is dropped. The result
 * is, in the same order, what a whole read would return: tests/int/changed-reads.int.test.ts
 * compares the two after every kind of change.
 *
 * It reads everything, every time, when it cannot know what a record depends on: a depth above 1,
 * a join field that is read, a rich-text, blocks or polymorphic relationship field, a collection
 * without `updatedAt`, a collection-level afterRead hook, or a populated collection with join
 * fields of its own (`dependenciesOf` says why). Field-level afterRead hooks must compute from the
 * record itself (and the clock): a hook that read another collection would not be seen here.
 */
import type { CollectionSlug, Field, Payload, Where } from 'payload'

type Doc = Record<string, unknown> & { id: string | number }
/** `joins` as Payload's find takes it (its type cannot name a join for a collection chosen at run time). */
export type ReadQuery = { collection: CollectionSlug; depth: number; where?: Where; sort?: string[]; joins?: false | Record<string, unknown> }
/**
 * The arguments of a whole anonymous read of `query`: one object with one key order, for the
 * loaders and for bench/snapshot.ts, whose replay looks each read up by its arguments.
 */
export const wholeRead = ({ collection, depth, where, sort, joins }: ReadQuery) =>
  ({ collection, where, depth, sort, ...(joins === undefined ? {} : { joins: joins as never }), pagination: false, overrideAccess: false, draft: false }) as const

/** A field whose populated record a read shows: its where-path and the collection it points at. */
type Dependency = { path: string; to: CollectionSlug }

/** What a read of these fields at depth ≤ 1 shows besides the record itself, or why that cannot be known. */
export function dependenciesOf(fields: Field[], joins: ReadQuery['joins'], prefix = ''): { deps: Dependency[]; unknown: string[] } {
  const deps: Dependency[] = []
  const unknown: string[] = []
  const add = (result: { deps: Dependency[]; unknown: string[] }) => {
    deps.push(...result.deps)
    unknown.push(...result.unknown)
  }
  for (const field of fields) {
    const name = 'name' in field && typeof field.name === 'string' ? field.name : undefined
    const path = name ? `${prefix}${name}` : prefix.replace(/\.$/, '')
    // A virtual field linked to a relationship's path shows another record's data.
    if ('virtual' in field && typeof field.virtual === 'string') unknown.push(`${path} (a virtual field of ${field.virtual})`)
    switch (field.type) {
      case 'relationship':
      case 'upload':
        if (Array.isArray(field.relationTo)) unknown.push(`${path} (points at several collections)`)
        else deps.push({ path, to: field.relationTo as CollectionSlug })
        break
      case 'join': {
        const off = joins === false || (joins && typeof joins === 'object' && (joins as Record<string, unknown>)[path] === false)
        if (!off) unknown.push(`${path} (a join the read computes)`)
        break
      }
      case 'richText':
      case 'blocks':
        unknown.push(`${path} (a ${field.type} field)`)
        break
      case 'group':
      case 'array':
        add(dependenciesOf(field.fields, joins, name ? `${path}.` : prefix))
        break
      case 'row':
      case 'collapsible':
        add(dependenciesOf(field.fields, joins, prefix))
        break
      case 'tabs':
        for (const tab of field.tabs) add(dependenciesOf(tab.fields, joins, 'name' in tab && tab.name ? `${prefix}${tab.name}.` : prefix))
        break
      default:
    }
  }
  return { deps, unknown }
}

/** Every visible record's id and `updatedAt`, in the read's order (the record itself is not read). */
async function stampsOf(payload: Payload, collection: CollectionSlug, where?: Where, sort?: string[]): Promise<Map<string, string>> {
  try {
    const { docs } = await payload.find({ collection, where, sort, depth: 0, select: { updatedAt: true } as never, pagination: false, overrideAccess: false, draft: false, joins: false } as never)
    return new Map((docs as unknown as Doc[]).map((doc) => [String(doc.id), String(doc.updatedAt ?? '')]))
  } catch (error) {
    // A collection visitors cannot read at all: a relationship to it shows its id only, which is
    // the record's own data.
    if ((error as { status?: number }).status === 403) return new Map()
    throw error
  }
}

/** The ids whose stamp is new, changed or gone between two reads. */
const changedBetween = (before: Map<string, string>, now: Map<string, string>) => [
  ...[...now].filter(([id, stamp]) => before.get(id) !== stamp).map(([id]) => id),
  ...[...before.keys()].filter((id) => !now.has(id)),
]

export type ChangedRead = {
  /** The records the whole read would return, in its order. */
  docs: Doc[]
  /** How many were read in full this time (all of them on a first read), and why all, if so. */
  reread: number
  whole?: string
}

/**
 * A reader for `query` that remembers its last result: call it once per build. The first call, and
 * every call for a query whose dependencies cannot be known, reads everything.
 */
export function changedReader(query: ReadQuery): (payload: Payload, options?: { whole?: boolean }) => Promise<ChangedRead> {
  let last: { stamps: Map<string, string>; targets: Map<CollectionSlug, Map<string, string>>; docs: Map<string, Doc> } | null = null
  // Everything, and nothing kept: there is nothing this reader could follow.
  const readAll = async (payload: Payload, why: string): Promise<ChangedRead> => {
    const { docs } = await payload.find(wholeRead(query))
    last = null
    return { docs: docs as unknown as Doc[], reread: docs.length, whole: why }
  }
  return async (payload, { whole = false } = {}) => {
    // A CMS that gives no config to follow (the benchmark's replay of recorded reads): read it all.
    const config = payload.collections?.[query.collection]?.config
    if (!config) return readAll(payload, 'no collection config to follow')
    const { deps, unknown } = query.depth <= 1 ? dependenciesOf(config.fields, query.joins) : { deps: [], unknown: [`depth ${query.depth}`] }
    const targetsOf = [...new Set(query.depth >= 1 ? deps.map((d) => d.to) : [])]
    for (const to of targetsOf) {
      const target = payload.collections[to]?.config
      if (target?.fields.some((f) => f.type === 'join')) unknown.push(`${to} (populated, with join fields of its own)`)
    }
    if (!config.timestamps) unknown.push('no updatedAt')
    if (config.hooks?.afterRead?.length) unknown.push('a collection afterRead hook')
    if (unknown.length) return readAll(payload, `what it depends on cannot be known: ${unknown.join(', ')}`)

    const targets = new Map<CollectionSlug, Map<string, string>>()
    for (const to of targetsOf) targets.set(to, await stampsOf(payload, to))
    if (whole || !last) {
      // Read whole (asked for, or nothing to start from); the stamps are the records' own.
      const { docs } = await payload.find(wholeRead(query))
      const read = docs as unknown as Doc[]
      last = { stamps: new Map(read.map((doc) => [String(doc.id), String(doc.updatedAt ?? '')])), targets, docs: new Map(read.map((doc) => [String(doc.id), doc])) }
      return { docs: read, reread: read.length, whole: whole ? 'a whole read was asked for' : 'the first read' }
    }
    const stamps = await stampsOf(payload, query.collection, query.where, query.sort)
    const before = last
    const ids = changedBetween(before.stamps, stamps).filter((id) => stamps.has(id))
    const changed = new Set(ids)
    const conditions: Where[] = ids.length ? [{ id: { in: ids } }] : []
    for (const { path, to } of query.depth >= 1 ? deps : []) {
      const moved = changedBetween(before.targets.get(to) ?? new Map(), targets.get(to)!)
      if (moved.length) conditions.push({ [path]: { in: moved } })
    }
    const fresh = new Map<string, Doc>()
    if (conditions.length) {
      const or: Where = { or: conditions }
      const { docs } = await payload.find({ ...wholeRead(query), where: query.where ? { and: [query.where, or] } : or })
      for (const doc of docs as unknown as Doc[]) fresh.set(String(doc.id), doc)
    }
    const docs: Doc[] = []
    const kept = new Map<string, Doc>()
    for (const id of stamps.keys()) {
      const doc = fresh.get(id) ?? (changed.has(id) ? undefined : before.docs.get(id))
      if (!doc) {
        // Changed and then gone between the two queries (unpublished just now), or never read:
        // left out now, and its stamp forgotten so that the next read asks again.
        stamps.delete(id)
        continue
      }
      docs.push(doc)
      kept.set(id, doc)
    }
    last = { stamps, targets, docs: kept }
    return { docs, reread: fresh.size }
  }
}
