import { describe, expect, it } from 'vitest'
import { formatDate, formatMonth, isoDate, isOutOfDate, monthsBefore } from './dates'

const d = (s: string) => new Date(s)

describe('formatDate', () => {
  it('writes dates the British way, independent of the machine time zone', () => {
    expect(formatDate(d('2020-11-24'))).toBe('24 November 2020')
    expect(formatDate(d('2018-09-26T23:30:00.000Z'))).toBe('26 September 2018')
    expect(formatMonth(d('2017-09-01'))).toBe('September 2017')
    expect(isoDate(d('2021-04-29T00:00:00.000Z'))).toBe('2021-04-29')
  })
})

describe('monthsBefore', () => {
  it('clamps to the end of shorter months', () => {
    expect(isoDate(monthsBefore(d('2026-08-31'), 6))).toBe('2026-02-28')
    expect(isoDate(monthsBefore(d('2026-03-15'), 6))).toBe('2025-09-15')
  })
})

describe('isOutOfDate', () => {
  const now = d('2026-11-22T10:00:00Z')
  it('is fresh within six months, inclusive of the boundary day', () => {
    expect(isOutOfDate(d('2026-11-01'), now)).toBe(false)
    expect(isOutOfDate(d('2026-05-22'), now)).toBe(false)
  })
  it('is out of date from the day after six months', () => {
    expect(isOutOfDate(d('2026-05-21'), now)).toBe(true)
    expect(isOutOfDate(d('2020-11-24'), now)).toBe(true)
  })
  it('takes a custom period', () => {
    expect(isOutOfDate(d('2026-05-21'), now, 12)).toBe(false)
  })
})
