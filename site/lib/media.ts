/**
 * Build time: the site makes its own images. The original of an upload is read from the CMS's
 * media folder (MEDIA_DIR, the `filename` of the media record the anonymous Local API returned),
 * measured, and encoded by sharp into AVIF and WebP at the widths the layout needs
 * (pages/media/[file].ts writes them into the static output). Nothing is fetched from the CMS host.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import sharp from 'sharp'
import { mediaDir } from '../../cms/collections/media'
import { RecordError } from './payload-loader'
import { ARTICLE_WIDTHS, fallbackWidth, IMAGE_FORMATS, originalPath, scaledHeight, variantWidths, type ImageFormat } from './images'
import { perBuild } from './per-build'

/** Encoder settings: part of every variant's hash, so changing them renames the files. */
const ENCODE = { avif: { quality: 55, effort: 4 }, webp: { quality: 75 } } as const
const ENCODER_VERSION = `sharp ${sharp.versions.sharp} ${JSON.stringify(ENCODE)}`

export type SiteImage = {
  hash: string
  alt: string
  /** The original's displayed size (EXIF orientation applied). */
  width: number
  height: number
  widths: number[]
  /** The fallback <img>: this width, and its height. */
  fallback: { width: number; height: number }
  source: string
  /** Where the variants are served: unset on the site (/media/); a preview's own media route (scripts/lib/preview/server.ts). */
  base?: string
}

type Upload = { filename?: string | null; alt: string; mimeType?: string | null }

/** Per build: an upload replaced under the same name is read again by the next publish. */
const preparedFor = perBuild(() => new Map<string, Promise<SiteImage>>())

/** An upload ready for a page: where its original is, its real size and the variants to make. */
export function siteImage(upload: Upload, owner: string, wanted: readonly number[] = ARTICLE_WIDTHS): Promise<SiteImage> {
  const key = `${upload.filename}|${wanted.join(',')}|${upload.alt}`
  const prepared = preparedFor()
  let image = prepared.get(key)
  if (!image) {
    prepared.set(key, (image = prepare(upload, owner, wanted)))
    image.catch(() => prepared.delete(key)) // a failure is not remembered (astro dev may retry)
  }
  return image
}

async function prepare(upload: Upload, owner: string, wanted: readonly number[]): Promise<SiteImage> {
  const dir = mediaDir()
  const source = originalPath(dir, upload.filename ?? '')
  if (!source) throw new RecordError(`${owner}: its image has no usable file name (${JSON.stringify(upload.filename)}).`)
  const bytes = await readFile(source).catch((error: NodeJS.ErrnoException) => {
    throw new RecordError(
      `${owner}: its image ${upload.filename} is not in the media folder ${dir} (${error.code}). ` +
        'The site is built from the uploads on this machine; set MEDIA_DIR to where the CMS keeps them.',
    )
  })
  const unreadable = (why: string) => new RecordError(`${owner}: its image ${upload.filename} could not be read as an image (${why}).`)
  const meta = await sharp(bytes)
    .metadata()
    .catch((error: Error) => {
      throw unreadable(error.message)
    })
  const { width, height } = meta.autoOrient
  if (!width || !height) throw unreadable('no width or height')
  const hash = createHash('sha256').update(ENCODER_VERSION).update(bytes).digest('hex').slice(0, 16)
  const widths = variantWidths(width, wanted)
  const fw = fallbackWidth(widths)
  return { hash, alt: upload.alt, width, height, widths, fallback: { width: fw, height: scaledHeight(fw, { width, height }) }, source }
}

/** One variant's bytes: auto-oriented, resized to `width` (never up), metadata stripped. */
export async function encodeVariant(source: string, width: number, format: ImageFormat): Promise<Buffer> {
  const pipeline = sharp(source).autoOrient().resize({ width, withoutEnlargement: true })
  return format === 'avif' ? pipeline.avif(ENCODE.avif).toBuffer() : pipeline.webp(ENCODE.webp).toBuffer()
}

/** Every variant file of an image, for the /media/ endpoint's static paths. */
export const variantsOf = (image: SiteImage) => image.widths.flatMap((width) => IMAGE_FORMATS.map((format) => ({ width, format })))
