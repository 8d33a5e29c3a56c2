/**
 * Uploads are readable by the public only when published public content uses them. Without this,
 * `GET /api/media` listed every upload with its download URL — images of embargoed stories and
 * PDFs attached to drafts included. Staff read everything (they pick uploads in the admin).
 *
 * Which content uses media is read from the config (every top-level upload field pointing at
 * `media`), and each collection is asked as an anonymous visitor (overrideAccess: false, no
 * user), so a draft or restricted record never makes its file public. Payload applies the same
 * constraint to the file route (`/api/media/file/<name>`) and to relationship population.
 */
import type { Access, Payload, PayloadRequest, Where } from 'payload'
import { isStaff } from '../../access'

const MEDIA = 'media'
/** Matches no document, in SQLite and MongoDB alike (every document has an id). */
const NOTHING: Where = { id: { exists: false } }

/** [collection, field] pairs for every top-level upload field that points at the media collection. */
export function mediaUses(payload: Payload): [string, string][] {
  const uses: [string, string][] = []
  for (const { config } of Object.values(payload.collections)) {
    if (config.slug === MEDIA) continue
    for (const field of config.flattenedFields) {
      if (field.type === 'upload' && field.relationTo === MEDIA && !field.hasMany) uses.push([config.slug, field.name])
    }
  }
  return uses
}

/** The ids of uploads that published, public content uses, as an anonymous visitor sees them. */
export async function publicMediaIds(payload: Payload): Promise<(number | string)[]> {
  const ids = new Set<number | string>()
  for (const [collection, field] of mediaUses(payload)) {
    const { docs } = await payload.find({
      collection: collection as never,
      overrideAccess: false,
      depth: 0,
      pagination: false,
      select: { [field]: true } as never,
      where: { [field]: { exists: true } },
    })
    for (const doc of docs as Record<string, unknown>[]) {
      const value = doc[field]
      if (typeof value === 'number' || typeof value === 'string') ids.add(value)
    }
  }
  return [...ids]
}

// One lookup per request, however many media documents it populates.
const perRequest = new WeakMap<PayloadRequest, Promise<(number | string)[]>>()

export const mediaRead: Access = async ({ req }) => {
  if (isStaff(req.user)) return true
  let ids = perRequest.get(req)
  if (!ids) perRequest.set(req, (ids = publicMediaIds(req.payload)))
  const list = await ids
  return list.length ? { id: { in: list } } : NOTHING
}
