/**
 * /reviews/documents/<review>-<qa-letter|report>.pdf: a review's PDFs, copied at build time from
 * the CMS's media folder into the static output (never a link to the CMS host). A review past its
 * publication window has none: its documents leave the site with its report.
 */
import { readFile } from 'node:fs/promises'
import type { APIRoute, GetStaticPaths } from 'astro'
import { mediaDir } from '../../../../cms/collections/media'
import { originalPath } from '../../../lib/images'
import { RecordError } from '../../../lib/payload-loader'
import { reviewFileHref, reviews, stateOf } from '../../../lib/review-content'
import { siteSettings } from '../../../lib/site'
import { changedOnly } from '../../../lib/incremental'

export const getStaticPaths = (async () => {
  const settings = await siteSettings()
  const paths = []
  for (const review of await reviews()) {
    if (stateOf(review, settings) !== 'published') continue
    for (const [kind, upload] of [['qa-letter', review.qaLetter], ['report', review.reportPdf]] as const) {
      if (!upload) continue
      const file = reviewFileHref(review, kind).split('/').pop()!
      // The upload as the CMS describes it (a new file is a new upload with its own name and size).
      paths.push({ params: { file }, props: { filename: upload.filename, owner: `review "${review.slug}"` }, key: JSON.stringify(upload) })
    }
  }
  return changedOnly('reviews/documents/[file]', paths)
}) satisfies GetStaticPaths

export const GET: APIRoute = async ({ props }) => {
  const { filename, owner } = props as { filename: string; owner: string }
  const source = originalPath(mediaDir(), filename)
  if (!source) throw new RecordError(`${owner}: its PDF has no usable file name (${JSON.stringify(filename)}).`)
  return new Response(new Uint8Array(await readFile(source)), { headers: { 'Content-Type': 'application/pdf' } })
}
