/**
 * A test fixture, not content: one generated image (a plain rectangle made by sharp, never a real
 * photograph) uploaded to the browser tests' throwaway database and attached to one published
 * seeded news story, so the image pipeline (pages/media/, components/Picture/) is built and tested.
 * content/ has no images and must not get any: we never invent material for real organisations.
 */
import path from 'node:path'
import type { Payload } from 'payload'
import sharp from 'sharp'

export const TEST_IMAGE = {
  alt: 'Test fixture: a plain teal rectangle generated for the automated tests',
  width: 1600,
  height: 900,
} as const

/** Uploads the fixture and attaches it to the first published story (by slug); returns that slug. */
export async function attachTestImage(payload: Payload, dir: string): Promise<string> {
  const file = path.join(dir, 'test-fixture-news-image.png')
  await sharp({ create: { width: TEST_IMAGE.width, height: TEST_IMAGE.height, channels: 3, background: { r: 0, g: 110, b: 120 } } })
    .png()
    .toFile(file)
  const media = await payload.create({ collection: 'media', data: { alt: TEST_IMAGE.alt }, filePath: file })
  const { docs } = await payload.find({ collection: 'news', where: { _status: { equals: 'published' } }, sort: 'slug', limit: 1, depth: 0 })
  const story = docs[0]
  if (!story) throw new Error('No published news story to attach the test image to: was content/ seeded?')
  await payload.update({ collection: 'news', id: story.id, data: { image: media.id, _status: 'published' } })
  return story.slug as string
}
