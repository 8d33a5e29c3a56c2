/** The id a relationship value points at, whether Payload returned it populated (an object) or not. */
export const relationId = (value: unknown): unknown =>
  value && typeof value === 'object' ? (value as { id: unknown }).id : value
