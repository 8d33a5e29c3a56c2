import { describe, expect, it } from 'vitest'
import { strategyStatuses } from '../../cms/taxonomy'
import { strategySchema, strategyStatusText } from './strategy'

const strategy = {
  id: 1,
  slug: 'a-strategy',
  title: 'A strategy',
  partnership: { id: 1, slug: 'a-partnership', name: 'A partnership' },
  periodStart: 2018,
  periodEnd: 2022,
  status: 'adopted',
  summary: 'What it is for.',
  body: { root: { type: 'root', children: [] } },
}

describe('strategySchema status', () => {
  it('accepts every status the CMS offers, interim included', () => {
    for (const status of Object.keys(strategyStatuses)) expect(strategySchema.safeParse({ ...strategy, status }).success, status).toBe(true)
    expect(strategySchema.parse({ ...strategy, status: 'interim' }).status).toBe('interim')
  })

  it('refuses a status the CMS does not have', () => {
    expect(strategySchema.safeParse({ ...strategy, status: 'approved' }).success).toBe(false)
  })
})

describe('strategyStatusText', () => {
  it('names the status with the CMS label and says what it means', () => {
    expect(strategyStatusText('interim')).toEqual({ label: 'Interim strategy', meaning: 'in use for now, but not yet formally adopted.' })
    for (const status of Object.keys(strategyStatuses) as (keyof typeof strategyStatuses)[]) {
      expect(strategyStatusText(status).label).toBe(`${strategyStatuses[status]} strategy`)
      expect(strategyStatusText(status).meaning.length).toBeGreaterThan(10)
    }
  })
})
