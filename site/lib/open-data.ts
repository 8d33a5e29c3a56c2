/**
 * The open-data file's bytes (site/pages/open-data/services.json.ts): every published service as an
 * Open Referral page, exactly `JSON.stringify(snapshotOf(read))` in UTF-8, given as one chunk per
 * service so that no one 62 MB copy of the file is made here (Astro makes the one it writes).
 *
 * In a warm renderer (scripts/lib/warm/), which publishes again and again, each service's chunk is
 * kept between publishes and made again only for a service whose record, as read, changed (its
 * digest, which the services loader computes anyway). At 10,000 entries mapping and writing every
 * service took 1.7-2.5 s of each publish; one renamed entry now maps one. A one-shot build keeps
 * nothing: at 10,000 entries the kept chunks were 62 MB held for the whole rest of the render,
 * and the one file made from them another 62 MB at the build's peak of memory (issue 19).
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
/** Set by the warm renderer (scripts/lib/warm/renderer.mjs): keep the pieces for the next publish. */
export const KEEP_PIECES = Symbol.for('csp-hub:keep-open-data-pieces')
type Holder = { [PIECES]?: Map<string, Piece>; [KEEP_PIECES]?: boolean }
const holder = globalThis as Holder

/** What stands for the services in the page's own JSON until the pieces replace it. */
const HOLE = '\u0000csp-hub:services\u0000'
const COMMA = Buffer.from(',')

/**
 * The file's bytes for `read` (every service an anonymous read found, depth 1, in FEED_ORDER), in
 * chunks made as they are asked for. `digests[i]` is the digest of `read[i]` as the loader read it;
 * a service without one is mapped afresh and not kept. Only a warm renderer keeps the pieces for
 * the next call; they are kept once the first chunk is asked for.
 */
export function* openDataChunks(read: Service[], digests: (string | undefined)[] = []): Generator<Buffer> {
  const keep = holder[KEEP_PIECES] === true
  // A one-shot build neither uses nor holds kept pieces (there are none, unless keeping stopped).
  const before = (keep && holder[PIECES]) || new Map<string, Piece>()
  if (!keep) delete holder[PIECES]
  const now = new Map<string, Piece>()
  const pieces: Buffer[] = []
  // Which services are in the file decides the page's count, so every piece is made before the
  // first byte (Astro's arrayBuffer() holds them all anyway until it has the whole body).
  for (const [i, doc] of read.entries()) {
    const digest = digests[i]
    let piece = digest ? before.get(String(doc.id)) : undefined
    if (!piece || piece.digest !== digest) {
      // The snapshot of this one service says whether it may be published (a confidential
      // location without its safeguards is not) and what it says: the same mapping as the feed.
      const one = snapshotOf([doc]).contents
      piece = { digest: digest ?? '', bytes: one.length ? Buffer.from(JSON.stringify(one[0])) : null }
    }
    if (digest && keep) now.set(String(doc.id), piece)
    if (piece.bytes) pieces.push(piece.bytes)
  }
  // Only this read's services are kept: a deleted or unpublished one is let go.
  if (keep) holder[PIECES] = now
  if (!pieces.length) {
    yield Buffer.from(JSON.stringify(snapshotOf([])))
    return
  }
  // The page around them, as snapshotOf makes it (one page of all of them), with a hole for them.
  const [head, tail] = JSON.stringify({ ...page(pieces, pieces.length, { page: 1, perPage: pieces.length }), contents: [HOLE] }).split(JSON.stringify(HOLE)) as [string, string]
  yield Buffer.from(head)
  for (const [i, piece] of pieces.entries()) {
    if (i) yield COMMA
    yield piece
  }
  yield Buffer.from(tail)
}

/** The chunks as a stream, for a Response's body. */
export function openDataStream(read: Service[], digests: (string | undefined)[] = []): ReadableStream<Uint8Array> {
  const chunks = openDataChunks(read, digests)
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.next()
      if (next.done) controller.close()
      else controller.enqueue(next.value)
    },
    cancel() {
      chunks.return(undefined)
    },
  })
}
