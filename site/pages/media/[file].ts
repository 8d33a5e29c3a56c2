/**
 * /media/<hash>-<width>.<avif|webp>: every image a public page shows, made by the site at build time
 * from the original upload (lib/media.ts) and written into the static output beside the pages.
 */
import type { APIRoute, GetStaticPaths } from 'astro'
import { news } from '../../lib/content'
import { MIME, variantFile, type ImageFormat } from '../../lib/images'
import { encodeVariant, siteImage, variantsOf, type SiteImage } from '../../lib/media'
import { changedOnly } from '../../lib/incremental'

/** Every image the pages show: today, the published news stories' images. */
async function imagesShown(): Promise<SiteImage[]> {
  const stories = (await news()).filter((n) => n.data.image)
  return Promise.all(stories.map((n) => siteImage(n.data.image!, `news "${n.data.slug}"`)))
}

export const getStaticPaths = (async () => {
  const paths = new Map<string, { params: { file: string }; props: { source: string; width: number; format: ImageFormat } }>()
  for (const image of await imagesShown()) {
    for (const { width, format } of variantsOf(image)) {
      const file = variantFile(image.hash, width, format)
      // The name carries the hash of the upload's bytes and the encoder settings: it is the key.
      paths.set(file, { params: { file }, props: { source: image.source, width, format }, key: file })
    }
  }
  return changedOnly('media/[file]', [...paths.values()])
}) satisfies GetStaticPaths

export const GET: APIRoute = async ({ props }) => {
  const { source, width, format } = props as { source: string; width: number; format: ImageFormat }
  return new Response(new Uint8Array(await encodeVariant(source, width, format)), { headers: { 'Content-Type': MIME[format] } })
}
