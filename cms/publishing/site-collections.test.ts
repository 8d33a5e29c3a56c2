/**
 * Each collection declares in its own config that the site is built from it, and which of its
 * relations must be public on publish. This checks the declarations against the whole config, so
 * a relation added later between site collections cannot forget its check.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { CollectionConfig, FlattenedField, SanitizedConfig } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { hasDrafts } from '../versions'
import { publicLinks } from './consistency'
import { isSiteSource, publicRelationChecks } from './site-collections'

let config: SanitizedConfig
let sources: CollectionConfig[]

beforeAll(async () => {
  process.env.PAYLOAD_SECRET ??= 'unit-test-secret-0123456789abcdef0123456789'
  process.env.DATABASE_URI = `file:${path.join(mkdtempSync(path.join(tmpdir(), 'csp-hub-config-')), 'unused.db')}`
  config = await (await import('../payload.config')).default
  sources = config.collections.filter(isSiteSource) as unknown as CollectionConfig[]
}, 60_000)

const fieldAt = (fields: FlattenedField[], [name, ...rest]: string[]): FlattenedField | undefined => {
  const field = fields.find((f) => f.name === name)
  return rest.length && field && 'flattenedFields' in field ? fieldAt(field.flattenedFields, rest) : field
}

describe('collections the public site is built from', () => {
  it('are the ones that always were, in the config’s order', () => {
    expect(sources.map((c) => c.slug)).toEqual(['partnerships', 'organisations', 'strategies', 'strategy-translations', 'priorities', 'priority-translations', 'services', 'service-translations', 'news', 'news-translations', 'meetings', 'agenda-items', 'reviews', 'recommendations', 'media', 'languages'])
  })

  it('check on publish every relation between them that points at a collection with drafts', () => {
    const drafts = new Set(sources.filter(hasDrafts).map((c) => c.slug))
    const links = publicLinks(sources).filter((l) => drafts.has(l.to))
    expect(links.map((l) => `${l.from}.${l.path.join('.')}`).sort()).toEqual([
      'news-translations.story',
      'partnerships.members.organisation',
      'priorities.strategy',
      'priority-translations.priority',
      'recommendations.homicideReview',
      'recommendations.organisation',
      'recommendations.priority',
      'service-translations.service',
      'services.organisation',
      'strategy-translations.strategy',
    ])
    for (const link of links) {
      const collection = config.collections.find((c) => c.slug === link.from)!
      const field = fieldAt(collection.flattenedFields, link.path) as { validate?: object } | undefined
      expect(publicRelationChecks.has(field?.validate ?? {}), `${link.from}.${link.path.join('.')}`).toBe(true)
    }
  })
})
