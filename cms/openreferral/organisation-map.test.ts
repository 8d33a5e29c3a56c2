import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeTree } from '../../tests/helpers/files'
import { organisationMap } from './organisation-map'

describe('organisationMap', () => {
  const id = '5a1f7c3e-8a4b-4c2d-9e6f-0123456789ab'

  it('reads --map-organisation pairs and a JSON file, pairs winning', () => {
    const file = path.join(writeTree({ 'map.json': { [id]: 'victim-support', 'org-7': 'refuge' } }), 'map.json')
    expect(organisationMap({ pairs: [`${id}=refuge`], file })).toEqual({ [id]: 'refuge', 'org-7': 'refuge' })
    expect(organisationMap({})).toEqual({})
  })

  it('says what is wrong with a bad pair or file', () => {
    expect(() => organisationMap({ pairs: ['refuge'] })).toThrow('--map-organisation must be <feed organisation id>=<our organisation slug>; got "refuge".')
    expect(() => organisationMap({ pairs: [`${id}=`] })).toThrow(/got "5a1f.*=".$/)
    expect(() => organisationMap({ pairs: [`${id}=Refuge UK`] })).toThrow(/slug must be lower-case words joined by hyphens, like "refuge"; got "Refuge UK"/)
    const dir = writeTree({ 'array.json': [] })
    expect(() => organisationMap({ file: path.join(dir, 'array.json') })).toThrow(/must be a JSON object/)
    expect(() => organisationMap({ file: path.join(dir, 'missing.json') })).toThrow(/Could not read the organisation map .*ENOENT/)
  })
})
