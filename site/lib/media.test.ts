import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { encodeVariant, siteImage, variantsOf } from './media'

const dir = mkdtempSync(path.join(tmpdir(), 'csp-hub-media-'))
const before = process.env.MEDIA_DIR

beforeAll(async () => {
  process.env.MEDIA_DIR = dir
  await sharp({ create: { width: 800, height: 600, channels: 3, background: '#246' } }).jpeg().toFile(path.join(dir, 'wide.jpg'))
  // Stored 600 × 800 with EXIF orientation 6 (rotate 90°): shown 800 wide, 600 high.
  await sharp({ create: { width: 600, height: 800, channels: 3, background: '#642' } }).withMetadata({ orientation: 6 }).jpeg().toFile(path.join(dir, 'rotated.jpg'))
  writeFileSync(path.join(dir, 'not-an-image.jpg'), 'hello')
})
afterAll(() => {
  if (before === undefined) delete process.env.MEDIA_DIR
  else process.env.MEDIA_DIR = before
})

describe('siteImage', () => {
  it('measures the original and plans variants up to its width, with a WebP fallback ≤ 640', async () => {
    const image = await siteImage({ filename: 'wide.jpg', alt: 'A test image' }, 'news "a"')
    expect(image).toMatchObject({ alt: 'A test image', width: 800, height: 600, widths: [320, 640, 800], fallback: { width: 640, height: 480 } })
    expect(image.hash).toMatch(/^[0-9a-f]{16}$/)
    expect(variantsOf(image)).toHaveLength(6)
  })

  it('applies EXIF orientation to the size', async () => {
    expect(await siteImage({ filename: 'rotated.jpg', alt: 'x' }, 'news "b"')).toMatchObject({ width: 800, height: 600 })
  })

  it('stops the build naming the story when the file is missing, unreadable or outside the folder', async () => {
    await expect(siteImage({ filename: 'gone.jpg', alt: 'x' }, 'news "c"')).rejects.toThrow(/news "c".*gone\.jpg.*media folder/)
    await expect(siteImage({ filename: 'not-an-image.jpg', alt: 'x' }, 'news "d"')).rejects.toThrow(/news "d"/)
    await expect(siteImage({ filename: '../wide.jpg', alt: 'x' }, 'news "e"')).rejects.toThrow(/news "e".*no usable file name/)
  })
})

describe('encodeVariant', () => {
  it('makes real AVIF and WebP at the asked width, oriented, never larger than the original', async () => {
    const avif = await sharp(await encodeVariant(path.join(dir, 'rotated.jpg'), 320, 'avif')).metadata()
    expect([avif.format, avif.compression, avif.width, avif.height]).toEqual(['heif', 'av1', 320, 240])
    const webp = await sharp(await encodeVariant(path.join(dir, 'wide.jpg'), 2000, 'webp')).metadata()
    expect([webp.format, webp.width, webp.height]).toEqual(['webp', 800, 600])
  })
})
