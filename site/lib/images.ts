/**
 * Image variants the site makes for itself at build time (pure parts: names, widths, srcset).
 * An uploaded original in the CMS's MEDIA_DIR becomes /media/<hash>-<width>.<format> files in the
 * static output, so a page never asks the CMS (or anyone else) for an image.
 */
import path from 'node:path'

/** Best first: a <picture> lists AVIF, then WebP; the <img> fallback is WebP (every current browser). */
export const IMAGE_FORMATS = ['avif', 'webp'] as const
export type ImageFormat = (typeof IMAGE_FORMATS)[number]

export const MIME: Record<ImageFormat, string> = { avif: 'image/avif', webp: 'image/webp' }

/**
 * A news story's image is shown at most 640 CSS px wide (its width attribute), or the screen's
 * width less the page's 1rem margins on a phone: 1x and 2x screens need these widths.
 */
export const ARTICLE_WIDTHS = [320, 640, 960, 1280] as const
export const ARTICLE_SIZES = '(min-width: 42rem) 640px, calc(100vw - 2rem)'
/** The <img> fallback's width, which is also the widest it is shown. */
export const FALLBACK_WIDTH = 640

/** The wanted widths an original can give without upscaling; a small original is used at its own width. */
export function variantWidths(originalWidth: number, wanted: readonly number[]): number[] {
  if (!Number.isInteger(originalWidth) || originalWidth < 1) throw new RangeError(`image width ${originalWidth} is not a positive integer`)
  if (wanted.length === 0) throw new RangeError('no widths wanted')
  const widest = Math.max(...wanted)
  return [...new Set([...wanted.filter((w) => w < originalWidth), Math.min(originalWidth, widest)])].sort((a, b) => a - b)
}

/** The height of a variant `width` wide, keeping the original's aspect ratio. */
export const scaledHeight = (width: number, original: { width: number; height: number }) =>
  Math.max(1, Math.round((width * original.height) / original.width))

/** The fallback <img>'s width: the widest variant not above `target`, else the narrowest. */
export function fallbackWidth(widths: readonly number[], target = FALLBACK_WIDTH): number {
  const fitting = widths.filter((w) => w <= target)
  return fitting.length ? Math.max(...fitting) : Math.min(...widths)
}

/** File name of one variant in /media/ (a content hash, so a changed upload gets a new name). */
export const variantFile = (hash: string, width: number, format: ImageFormat) => `${hash}-${width}.${format}`
/** `base`: where the variants are served — /media/ on the site; a preview serves its own (scripts/lib/preview/server.ts). */
export const variantUrl = (hash: string, width: number, format: ImageFormat, base = '/media/') => `${base}${variantFile(hash, width, format)}`

export function parseVariantFile(file: string): { hash: string; width: number; format: ImageFormat } | null {
  const match = /^([0-9a-f]{16})-([1-9][0-9]{0,4})\.(avif|webp)$/.exec(file)
  return match ? { hash: match[1]!, width: Number(match[2]), format: match[3] as ImageFormat } : null
}

export const srcset = (hash: string, widths: readonly number[], format: ImageFormat, base?: string) =>
  widths.map((w) => `${variantUrl(hash, w, format, base)} ${w}w`).join(', ')

/**
 * The original of an upload, inside the media folder: the CMS's `filename` is a bare name, and
 * anything that would step outside the folder (a path, "..") is refused rather than read.
 */
export function originalPath(mediaDir: string, filename: string): string | null {
  if (!filename || filename !== path.basename(filename) || filename === '.' || filename === '..') return null
  const dir = path.resolve(mediaDir)
  const file = path.resolve(dir, filename)
  return path.dirname(file) === dir ? file : null
}
