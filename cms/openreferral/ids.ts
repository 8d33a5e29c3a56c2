/**
 * Stable UUIDs for everything the Open Referral feed publishes that has no UUID of its own in the
 * CMS: taxonomies and terms (from their vocabulary keys) and the parts of a service (its phone,
 * schedule, location, …, from the service's own UUID). The same input always gives the same id,
 * so consumers can diff feeds and an import of our own feed recognises our terms.
 */
import { parse as parseUuid, v5 as uuidv5 } from 'uuid'

/** Namespace for Open Referral ids. Never change it: every published id would change with it. */
export const OPEN_REFERRAL_NAMESPACE = 'c3b0f4a2-5d1e-4f6a-9b7c-2e8d9a1f3c54'
const NAMESPACE_BYTES = parseUuid(OPEN_REFERRAL_NAMESPACE)

/**
 * uuid's own v5, given bytes: the very id it gives for the strings, without parsing the namespace
 * (twice) and re-encoding the name on every call. A feed of 10,000 entries makes ~200,000 ids;
 * given strings, that was half of the open-data file's mapping time (1.1 s of 2.2 s).
 */
const openReferralId = (name: string) => uuidv5(Buffer.from(name, 'utf8'), NAMESPACE_BYTES)

/** Taxonomies and terms are few and named again by every entry: each id is made once per process. */
const made = new Map<string, string>()
const once = (name: string) => {
  let id = made.get(name)
  if (id === undefined) made.set(name, (id = openReferralId(name)))
  return id
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value)

export const taxonomyId = (taxonomy: string) => once(`taxonomy:${taxonomy}`)
export const termId = (taxonomy: string, term: string) => once(`taxonomy_term:${taxonomy}:${term}`)

/** An id for a part of a parent record, e.g. partId(service.uuid, 'phone', 0). */
export const partId = (parentUuid: string, kind: string, key: string | number = 0) => openReferralId(`${kind}:${parentUuid}:${key}`)
