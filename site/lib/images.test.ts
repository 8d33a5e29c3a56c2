import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { fallbackWidth, originalPath, parseVariantFile, scaledHeight, srcset, variantFile, variantUrl, variantWidths } from './images'

describe('variantWidths', () => {
  it('gives every wanted width a large original can fill', () => {
    expect(variantWidths(4000, [320, 640, 960, 1280])).toEqual([320, 640, 960, 1280])
    expect(variantWidths(1280, [320, 640, 960, 1280])).toEqual([320, 640, 960, 1280])
  })

  it('never upscales: a smaller original is used at its own width', () => {
    expect(variantWidths(800, [320, 640, 960, 1280])).toEqual([320, 640, 800])
    expect(variantWidths(200, [320, 640])).toEqual([200])
  })

  it('sorts and removes duplicates', () => expect(variantWidths(1000, [640, 320, 640])).toEqual([320, 640]))

  it('refuses nonsense', () => {
    expect(() => variantWidths(0, [320])).toThrow(RangeError)
    expect(() => variantWidths(12.5, [320])).toThrow(RangeError)
    expect(() => variantWidths(100, [])).toThrow(RangeError)
  })
})

describe('scaledHeight and fallbackWidth', () => {
  it('keeps the aspect ratio, at least one pixel', () => {
    expect(scaledHeight(640, { width: 1600, height: 900 })).toBe(360)
    expect(scaledHeight(320, { width: 1000, height: 333 })).toBe(107)
    expect(scaledHeight(10, { width: 10000, height: 1 })).toBe(1)
  })

  it('picks the widest variant up to the target, else the narrowest', () => {
    expect(fallbackWidth([320, 640, 960])).toBe(640)
    expect(fallbackWidth([320, 500])).toBe(500)
    expect(fallbackWidth([800, 1200], 640)).toBe(800)
  })
})

describe('variant names', () => {
  const hash = '0123456789abcdef'

  it('round-trips a file name', () => {
    expect(variantFile(hash, 640, 'avif')).toBe('0123456789abcdef-640.avif')
    expect(parseVariantFile(variantFile(hash, 640, 'webp'))).toEqual({ hash, width: 640, format: 'webp' })
    expect(parseVariantFile('0123456789abcdef-640.png')).toBeNull()
    expect(parseVariantFile('../0123456789abcdef-640.webp')).toBeNull()
  })

  it('builds a srcset of site-relative URLs', () => {
    expect(variantUrl(hash, 320, 'avif')).toBe('/media/0123456789abcdef-320.avif')
    expect(srcset(hash, [320, 640], 'webp')).toBe('/media/0123456789abcdef-320.webp 320w, /media/0123456789abcdef-640.webp 640w')
  })
})

describe('originalPath', () => {
  const dir = path.resolve('/srv/media')

  it('finds an upload inside the media folder', () => expect(originalPath(dir, 'photo.jpg')).toBe(path.join(dir, 'photo.jpg')))

  it('refuses anything that would leave it', () => {
    for (const name of ['', '.', '..', '../secret.jpg', 'a/b.jpg', '/etc/passwd']) expect(originalPath(dir, name), name).toBeNull()
  })
})
