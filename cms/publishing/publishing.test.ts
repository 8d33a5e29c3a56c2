import type { CollectionConfig } from 'payload'
import { describe, expect, it } from 'vitest'
import { liveChange, touchesPublicSite } from './hooks'
import { callDeployHook, explain } from './run-build'

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

describe('explain', () => {
  it('keeps the lines that say why, without colours or stack frames', () => {
    const output = [
      '\u001b[32m04:20:28\u001b[39m [content] Syncing content',
      '[RecordError] services "x" (id 3) cannot be published: field categories Invalid input.',
      '    at load (/work/site/lib/payload-loader.ts:40:11)',
      '  Location:',
    ].join('\n')
    expect(explain(output)).toBe('[RecordError] services "x" (id 3) cannot be published: field categories Invalid input.')
  })

  it('recognises a full disk', () => {
    expect(explain('copying\nError: ENOSPC: no space left on device, write')).toMatch(/ENOSPC/)
  })
})

describe('callDeployHook', () => {
  it('does nothing without a URL and reports an unreachable hook without throwing', async () => {
    expect(await callDeployHook({}, undefined)).toBeNull()
    expect(await callDeployHook({}, 'http://127.0.0.1:1/hook')).toMatch(/could not be reached/)
  })
})
