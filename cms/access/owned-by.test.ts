import { describe, expect, it } from 'vitest'
import { ownedBy, published } from './index'

const ask = (access: ReturnType<typeof ownedBy>, user: unknown) => access({ req: { user } } as never)
const partner = { id: 1, role: 'partner', organisation: { id: 7 } }

describe('ownedBy', () => {
  it('gives staff everything, whatever the field', () => {
    for (const role of ['admin', 'editor']) expect(ask(ownedBy('organisation', published), { id: 2, role })).toBe(true)
  })

  it('gives a partner their organisation’s records as a query constraint, beside the published ones when asked', () => {
    expect(ask(ownedBy('organisation'), partner)).toEqual({ organisation: { equals: 7 } })
    expect(ask(ownedBy('id', published), partner)).toEqual({ or: [published, { id: { equals: 7 } }] })
  })

  it('gives anyone else the published records, or nothing', () => {
    expect(ask(ownedBy('organisation', published), null)).toBe(published)
    expect(ask(ownedBy('parent'), null)).toBe(false)
    expect(ask(ownedBy('parent'), { id: 3, role: 'partner' })).toBe(false) // a partner with no organisation
  })
})
