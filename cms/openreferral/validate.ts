/**
 * Validators for HSDS 3.0 data, compiled from the official schemas vendored in ./schemas.
 * The schemas carry Frictionless Data keywords (constraints, datapackage_metadata, …) that are not
 * JSON Schema, so Ajv runs with strict mode off; formats (uuid, uri, email, date-time) are checked.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'

const here = path.dirname(fileURLToPath(import.meta.url))
/** The parts of a JSON Schema this file walks to reach the definitions nested in service.json. */
type JsonSchema = { properties?: Record<string, JsonSchema>; items?: JsonSchema; [keyword: string]: unknown }
const schema = (name: string) => JSON.parse(readFileSync(path.join(here, 'schemas', name), 'utf8')) as JsonSchema

// ajv-formats is CommonJS; its default export arrives wrapped under some loaders.
const addFormats = (addFormatsModule as { default?: typeof addFormatsModule }).default ?? addFormatsModule

let ajv: Ajv | undefined
const cache = new Map<string, ValidateFunction>()

function compile(key: string, build: () => Record<string, unknown>): ValidateFunction {
  let fn = cache.get(key)
  if (!fn) {
    ajv ??= addFormats(new Ajv({ strict: false, allErrors: true, validateSchema: false }))
    fn = ajv.compile(build())
    cache.set(key, fn)
  }
  return fn
}

const serviceProperty = (name: string) => schema('service.json').properties![name]!
const attributeItem = () => serviceProperty('attributes').items!

/** A fully nested service (service.json). */
export const serviceValidator = () => compile('service', () => schema('service.json'))
/** An entry of a /services page (service_list.json). */
export const serviceListValidator = () => compile('service_list', () => schema('service_list.json'))
/** A taxonomy term, as defined inside service.json's attributes. */
export const taxonomyTermValidator = () => compile('taxonomy_term', () => attributeItem().properties!.taxonomy_term!)
/** A taxonomy, as defined inside service.json's taxonomy_term.taxonomy_detail. */
export const taxonomyValidator = () =>
  compile('taxonomy', () => attributeItem().properties!.taxonomy_term!.properties!.taxonomy_detail!)
/** A service_at_location, as defined inside service.json. */
export const serviceAtLocationValidator = () =>
  compile('service_at_location', () => serviceProperty('service_at_locations').items!)

/** "/organization/website must match format \"uri\"" — one readable line per problem. */
export const describeErrors = (errors: ErrorObject[] | null | undefined, limit = 5) =>
  (errors ?? [])
    .slice(0, limit)
    .map((e) => `${e.instancePath || '(the service)'} ${e.message ?? 'is invalid'}${e.params && 'allowedValues' in e.params ? ` (${(e.params.allowedValues as unknown[]).join(', ')})` : ''}`)
    .join('; ')

/** Checks one value; returns undefined when valid or the problems in words. */
export function problems(validate: ValidateFunction, value: unknown): string | undefined {
  return validate(value) ? undefined : describeErrors(validate.errors)
}
