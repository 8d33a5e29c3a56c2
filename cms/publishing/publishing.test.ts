import type { CollectionConfig } from 'payload'
import { describe, expect, it } from 'vitest'
import { liveChange, touchesPublicSite } from './hooks'
import { callDeployHook } from './run-build'

const drafts = { slug: 'news', fields: [], versions: { drafts: true } } as unknown as CollectionConfig
const agenda = { slug: 'agenda-items', fields: [] } as unknown as CollectionConfig
const plain = { slug: 'media', fields: [] } as unknown as CollectionConfig

describe('touchesPublicSite', () => {
  it('rebuilds for publishing and unpublishing, not for drafts the public never saw', () => {
    expect(touchesPublicSite(drafts, { _status: 'published' }, undefined)).toBe(true)
    expect(touchesPublicSite(drafts, { _status: 'draft' }, { _status: 'published' })).toBe(true)
    expect(touchesPublicSite(drafts, { _status: 'draft' }, { _status: 'draft' })).toBe(false)
    expect(touchesPublicSite(drafts, { _status: 'draft' }, undefined)).toBe(false)
  })

  it('for collections with drafts, rebuilds only when the live version changes', () => {
    expect(liveChange('published', false, true)).toBe('published')
    expect(liveChange('published', true, true)).toBe('published')
    expect(liveChange('draft', true, false)).toBe('unpublished')
    // A draft saved over a live entry (every partner save) leaves the live version as it was.
    expect(liveChange('draft', true, true)).toBeNull()
    expect(liveChange('draft', false, false)).toBeNull()
  })

  it('rebuilds for public agenda items only (and for an item made restricted)', () => {
    expect(touchesPublicSite(agenda, { classification: 'public' }, undefined)).toBe(true)
    expect(touchesPublicSite(agenda, { classification: 'restricted' }, { classification: 'public' })).toBe(true)
    expect(touchesPublicSite(agenda, { classification: 'confidential' }, { classification: 'restricted' })).toBe(false)
  })

  it('rebuilds for any change to a collection without drafts', () => {
    expect(touchesPublicSite(plain, { alt: 'x' }, undefined)).toBe(true)
  })
})

describe('callDeployHook', () => {
  it('does nothing without a URL and reports an unreachable hook without throwing', async () => {
    expect(await callDeployHook({}, undefined)).toBeNull()
    expect(await callDeployHook({}, 'http://127.0.0.1:1/hook')).toMatch(/could not be reached/)
  })
})
