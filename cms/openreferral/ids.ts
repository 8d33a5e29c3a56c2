/**
 * Stable UUIDs for everything the Open Referral feed publishes that has no UUID of its own in the
 * CMS: taxonomies and terms (from their vocabulary keys) and the parts of a service (its phone,
 * schedule, location, …, from the service's own UUID). The same input always gives the same id,
 * so consumers can diff feeds and an import of our own feed recognises our terms.
 */
import { v5 as uuidv5 } from 'uuid'

/** Namespace for Open Referral ids. Never change it: every published id would change with it. */
const OPEN_REFERRAL_NAMESPACE = 'c3b0f4a2-5d1e-4f6a-9b7c-2e8d9a1f3c54'

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value)

export const taxonomyId = (taxonomy: string) => uuidv5(`taxonomy:${taxonomy}`, OPEN_REFERRAL_NAMESPACE)
export const termId = (taxonomy: string, term: string) => uuidv5(`taxonomy_term:${taxonomy}:${term}`, OPEN_REFERRAL_NAMESPACE)

/** An id for a part of a parent record, e.g. partId(service.uuid, 'phone', 0). */
export const partId = (parentUuid: string, kind: string, key: string | number = 0) =>
  uuidv5(`${kind}:${parentUuid}:${key}`, OPEN_REFERRAL_NAMESPACE)
