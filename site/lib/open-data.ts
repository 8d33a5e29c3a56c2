/**
 * The open-data file's bytes (site/pages/open-data/services.json.ts): every published service as an
 * Open Referral page, exactly `JSON.stringify(snapshotOf(read))` in UTF-8, but made from one piece
 * per service that is kept between the publishes of a warm renderer (scripts/lib/warm/)
 * and made again only for a service whose record, as read, changed (its digest, which the services
 * loader computes anyway). At 10,000 entries mapping and writing every service took 1.7-2.5 s of
 * each publish; one renamed entry now maps one.
 *
 * Compact, not indented: a machine-readable download (62 MB at the benchmark's 10,000 entries
 * instead of 84 MB indented), and the piece a changed service is put into needs no re-indenting.
 * The pieces are kept as UTF-8 bytes: encoding the whole 62 MB text again took 0.2 s a publish.
 *
 * The pieces are keyed by the whole record as read, populated organisation included, so anything
 * the mapping reads is in the key; the mapping itself is code, and a code change starts a new
 * renderer (and every cold build is its own process), so no piece outlives the code that made it.
 */
import { page } from '../../cms/openreferral/params'
import { snapshotOf } from '../../cms/openreferral/query'
import type { Service } from '../../cms/payload-types'

type Piece = { digest: string; bytes: Buffer | null }
const PIECES = Symbol.for('csp-hub:open-data-pieces')
const kept = (): Map<string, Piece> => ((globalThis as { [PIECES]?: Map<string, Piece> })[PIECES] ??= new Map())

/** What stands for the services in the page's own JSON until the pieces replace it. */
const HOLE = '\u0000csp-hub:services\u0000'
const COMMA = Buffer.from(',')

/**
 * The file's bytes for `read` (every service an anonymous read found, depth 1, in FEED_ORDER).
 * `digests[i]` is the digest of `read[i]` as the loader read it; a service without one is mapped
 * afresh and not kept.
 */
export function openDataBytes(read: Service[], digests: (string | undefined)[] = []): Buffer {
  const before = kept()
  const now = new Map<string, Piece>()
  const pieces: Buffer[] = []
  for (const [i, doc] of read.entries()) {
    const digest = digests[i]
    let piece = digest ? before.get(String(doc.id)) : undefined
    if (!piece || piece.digest !== digest) {
      // The snapshot of this one service says whether it may be published (a confidential
      // location without its safeguards is not) and what it says: the same mapping as the feed.
      const one = snapshotOf([doc]).contents
      piece = { digest: digest ?? '', bytes: one.length ? Buffer.from(JSON.stringify(one[0])) : null }
    }
    if (digest) now.set(String(doc.id), piece)
    if (piece.bytes) pieces.push(piece.bytes)
  }
  // Only this read's services are kept: a deleted or unpublished one is let go.
  ;(globalThis as { [PIECES]?: Map<string, Piece> })[PIECES] = now
  if (!pieces.length) return Buffer.from(JSON.stringify(snapshotOf([])))
  // The page around them, as snapshotOf makes it (one page of all of them), with a hole for them.
  const [head, tail] = JSON.stringify({ ...page(pieces, pieces.length, { page: 1, perPage: pieces.length }), contents: [HOLE] }).split(JSON.stringify(HOLE)) as [string, string]
  return Buffer.concat([Buffer.from(head), ...pieces.flatMap((piece, i) => (i ? [COMMA, piece] : [piece])), Buffer.from(tail)])
}
