/** The id a relationship value points at, whether Payload returned it populated (an object) or not. */
export function relationId<Id extends number | string>(value: Id | { id: Id } | null | undefined): Id | null | undefined
export function relationId(value: unknown): unknown
export function relationId(value: unknown): unknown {
  return value && typeof value === 'object' ? (value as { id: unknown }).id : value
}
