/**
 * One converter between a Payload document and a record of the content format, both ways, by
 * walking the collection's field config: relationships ↔ slugs of the related records, uploads ↔
 * media file names, rich text ↔ Markdown, day-only dates ↔ YYYY-MM-DD, groups and arrays
 * recursed. Import writes null (or [] / false) for every field a record leaves out, so a re-seed
 * clears what the file no longer says; export drops empty values. What a collection does
 * differently from this walk is declared in ./format.ts.
 */
import type { FlattenedField, FlattenedJoinField } from 'payload'
import { relationId } from '../fields/relation'
import { FORMAT, type FieldRule, type ImportContext, type Json, type Rules, SHARED } from './format'

export type ExportContext = {
  /** A related record's key in the format: its slug, or a media file's name. */
  key: (collection: string, id: unknown) => string | undefined
  markdown: (richText: unknown) => string | undefined
}

/** Fields the format never holds: the database's own, computed ones, and joins (nested children, see `joinsOf`). */
const SYSTEM = new Set(['id', 'createdAt', 'updatedAt', '_status'])
const related = (field: FlattenedField) => (field.type === 'relationship' || field.type === 'upload' ? field.relationTo : undefined)

/** The fields a record of the format holds, in config order; `skip` names the parent a nested child is written under. */
function dataFields(fields: FlattenedField[], skip: readonly string[] = []) {
  return fields.filter((field) => {
    if (SYSTEM.has(field.name) || skip.includes(field.name) || field.type === 'join' || ('virtual' in field && field.virtual)) return false
    const to = related(field)
    // A relationship to records the format does not hold (who submitted a change: a user) is left as it is.
    return to === undefined || (typeof to === 'string' && to in FORMAT)
  })
}

/** A collection's join fields: its nested children (a strategy's priorities, a meeting's agenda). */
export const joinsOf = (fields: FlattenedField[]) =>
  fields.filter((field): field is FlattenedJoinField & { collection: string } => field.type === 'join' && typeof field.collection === 'string')

/** A collection's nested children: its join fields and those the format declares (`nested`, a review's recommendations). */
export const childrenOf = (collection: string, fields: FlattenedField[]): { name: string; collection: string; on: string; defaultSort?: unknown }[] => [
  ...joinsOf(fields),
  ...(FORMAT[collection]?.nested ?? []),
]

const ruleOf = (rules: Rules, path: string): FieldRule | undefined => rules.fields?.[path] ?? SHARED[path]

/** A format record → the data Payload's create or update takes. */
export function toCms(fields: FlattenedField[], record: Json, cx: ImportContext, rules: Rules, path = ''): Json {
  const data: Json = {}
  for (const field of dataFields(fields)) {
    const rule = ruleOf(rules, path + field.name)
    const value = rule?.read ? rule.read(record, cx) : record[field.name]
    // Left out: keeps what the CMS has (see `kept` in ./format.ts).
    if (value === undefined && (rule?.kept || (rules.partial && !path))) continue
    data[field.name] = valueToCms(field, value, cx, rules, `${path}${field.name}.`)
  }
  return data
}

function valueToCms(field: FlattenedField, value: unknown, cx: ImportContext, rules: Rules, path: string): unknown {
  const to = related(field)
  if (to !== undefined) {
    const one = (key: unknown) => (key == null ? null : (cx.id(String(to), String(key)) ?? null))
    return 'hasMany' in field && field.hasMany ? ((value ?? []) as unknown[]).map(one) : one(value)
  }
  switch (field.type) {
    case 'group':
    case 'tab':
      return toCms(field.flattenedFields, (value ?? {}) as Json, cx, rules, path)
    case 'array':
      return ((value ?? []) as Json[]).map((row) => toCms(field.flattenedFields, row, cx, rules, path))
    case 'richText':
      return cx.richText(value as string | undefined) ?? null
    case 'checkbox':
      return value ?? false
    default:
      return value ?? ('hasMany' in field && field.hasMany ? [] : null)
  }
}

/** A Payload document → a format record, its fields in the format's order; `skip` as for `dataFields`. */
export function toFormat(fields: FlattenedField[], doc: Json, cx: ExportContext, rules: Rules, skip: readonly string[] = []): Json {
  const record = walkOut(dataFields(fields, skip), doc, cx, rules, '')
  const rank = (key: string) => (rules.order.includes(key) ? rules.order.indexOf(key) : rules.order.length)
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => rank(a) - rank(b)))
}

function walkOut(fields: FlattenedField[], doc: Json, cx: ExportContext, rules: Rules, path: string): Json {
  const out: Json = {}
  for (const field of fields) {
    const value = valueToFormat(field, doc[field.name], cx, rules, `${path}${field.name}.`)
    const rule = ruleOf(rules, path + field.name)
    Object.assign(out, rule?.write ? rule.write(value, field.name) : { [field.name]: value })
  }
  return clean(out)
}

function valueToFormat(field: FlattenedField, value: unknown, cx: ExportContext, rules: Rules, path: string): unknown {
  const to = related(field)
  if (to !== undefined) {
    const one = (id: unknown) => (id == null ? undefined : cx.key(String(to), relationId(id)))
    return 'hasMany' in field && field.hasMany ? ((value ?? []) as unknown[]).map(one).filter(Boolean) : one(value)
  }
  switch (field.type) {
    case 'group':
    case 'tab':
      return walkOut(dataFields(field.flattenedFields), (value ?? {}) as Json, cx, rules, path)
    case 'array':
      return ((value ?? []) as Json[]).map((row) => walkOut(dataFields(field.flattenedFields), row, cx, rules, path))
    case 'richText':
      return cx.markdown(value)
    case 'checkbox':
      return value === true ? true : undefined
    case 'date': {
      if (typeof value !== 'string' || !value) return undefined
      // The admin's date-only pickers store midnight UTC; only "dayAndTime" and "timeOnly" keep the time.
      const appearance = field.admin?.date?.pickerAppearance
      return appearance === 'dayAndTime' || appearance === 'timeOnly' ? value : value.slice(0, 10)
    }
    default:
      return value
  }
}

/** Drops empty values so files hold only what is there: null, '', [], {} and undefined. */
export function clean<T extends Json>(record: T): T {
  const out: Json = {}
  for (const [key, value] of Object.entries(record)) {
    if (value === null || value === undefined || value === '') continue
    if (Array.isArray(value) && value.length === 0) continue
    if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) continue
    out[key] = value
  }
  return out as T
}
