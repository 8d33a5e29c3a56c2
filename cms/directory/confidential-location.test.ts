import { describe, expect, it } from 'vitest'
import { isLocationConfidential, locationProblems } from './confidential-location'

describe('confidential locations', () => {
  it('are refuge entries and entries marked confidential', () => {
    expect(isLocationConfidential({ categories: ['refuge', 'domestic-abuse'] })).toBe(true)
    expect(isLocationConfidential({ categories: ['housing'], locationConfidential: true })).toBe(true)
    expect(isLocationConfidential({ categories: ['housing'] })).toBe(false)
  })

  it('refuse an address, and a postcode, coordinates or street line anywhere in their text', () => {
    const refuge = { categories: ['refuge'], name: 'Refuge', description: 'Safe accommodation.' }
    expect(locationProblems({ ...refuge, contact: { address: '12 High Street, Barking IG11 8AA' } }).map((p) => p.path)).toEqual(['contact.address'])
    expect(locationProblems({ ...refuge, howToAccess: 'Come to IG11 8AA' })).toEqual([{ path: 'howToAccess', message: expect.stringMatching(/contains a postcode/) }])
    expect(locationProblems({ ...refuge, description: 'We are at 51.5362, 0.0817.' })[0]!.message).toMatch(/map coordinates/)
    expect(locationProblems({ ...refuge, eligibility: 'Call first; we are at 40 Green Lane.' })[0]!.message).toMatch(/a street address/)
    expect(locationProblems({ ...refuge, contact: { address: '  ' } })).toEqual([])
  })

  it('leave other entries and ordinary words alone', () => {
    expect(locationProblems({ categories: ['housing'], contact: { address: '1 Town Square, Barking IG11 7LU' } })).toEqual([])
    expect(locationProblems({ categories: ['refuge'], description: '13 bed spaces with six months’ move-on, for 26 women each year.' })).toEqual([])
  })
})
