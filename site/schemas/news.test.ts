import { describe, expect, it } from 'vitest'
import { newsSchema } from './news'

const story = {
  id: 1,
  slug: 'a-story',
  title: 'A story',
  date: '2026-01-01T00:00:00.000Z',
  summary: 'What happened.',
  body: { root: { type: 'root', children: [] } },
}
const media = { id: 7, filename: 'photo.jpg', mimeType: 'image/jpeg', alt: 'What the photo shows', url: 'http://cms.example/api/media/file/photo.jpg' }

describe('newsSchema image', () => {
  it('accepts a story without an image, and one with an image upload', () => {
    expect(newsSchema.parse(story).image).toBeUndefined()
    expect(newsSchema.parse({ ...story, image: media }).image).toMatchObject({ filename: 'photo.jpg', alt: 'What the photo shows' })
  })

  it('refuses a PDF, a missing file name or missing alt text', () => {
    expect(newsSchema.safeParse({ ...story, image: { ...media, mimeType: 'application/pdf', filename: 'plan.pdf' } }).error?.issues[0]?.message).toMatch(/must be an image/)
    expect(newsSchema.safeParse({ ...story, image: { ...media, filename: null } }).success).toBe(false)
    expect(newsSchema.safeParse({ ...story, image: { ...media, alt: '' } }).success).toBe(false)
  })
})
