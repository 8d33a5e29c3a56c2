import { v5 as uuidv5 } from 'uuid'
import { describe, expect, it } from 'vitest'
import { OPEN_REFERRAL_NAMESPACE, partId, taxonomyId, termId } from './ids'

// Published ids must never change: consumers diff feeds by them, and an import of our own feed
// recognises our terms by them. These were made by uuid's v5 from the strings, as ids.ts once did.
describe('Open Referral ids', () => {
  it('are the ids uuid v5 gives for the same names in the same namespace, for every kind', () => {
    const names: [string, string][] = [
      [taxonomyId('csp-hub-categories'), 'taxonomy:csp-hub-categories'],
      [termId('csp-hub-categories', 'domestic-abuse'), 'taxonomy_term:csp-hub-categories:domestic-abuse'],
      [partId('0b3c2c8e-3c0e-4e7e-9d55-6a4f0c6f1b2a', 'phone', 0), 'phone:0b3c2c8e-3c0e-4e7e-9d55-6a4f0c6f1b2a:0'],
      [partId('0b3c2c8e-3c0e-4e7e-9d55-6a4f0c6f1b2a', 'language', 'bn'), 'language:0b3c2c8e-3c0e-4e7e-9d55-6a4f0c6f1b2a:bn'],
      // Not ASCII: the bytes given must be the name's UTF-8, as uuid encodes a string.
      [partId('0b3c2c8e-3c0e-4e7e-9d55-6a4f0c6f1b2a', 'area', 'Tower Hamlets – Poplar ✓ বাংলা'), 'area:0b3c2c8e-3c0e-4e7e-9d55-6a4f0c6f1b2a:Tower Hamlets – Poplar ✓ বাংলা'],
    ]
    for (const [id, name] of names) expect(id, name).toBe(uuidv5(name, OPEN_REFERRAL_NAMESPACE))
  })

  it('keeps the ids already published (pinned literally)', () => {
    expect(taxonomyId('csp-hub-categories')).toBe('4c4cdecf-9c85-5eec-b127-4d8fdabc4120')
    expect(termId('csp-hub-categories', 'domestic-abuse')).toBe('572bdeff-1e28-5c25-8c73-068f9637aa0c')
    // Asked again: the id made once and kept, the same.
    expect(termId('csp-hub-categories', 'domestic-abuse')).toBe('572bdeff-1e28-5c25-8c73-068f9637aa0c')
    expect(partId('0b3c2c8e-3c0e-4e7e-9d55-6a4f0c6f1b2a', 'phone', 0)).toBe('aeda3d61-b5ef-55fb-b509-c78e9850827e')
  })
})
