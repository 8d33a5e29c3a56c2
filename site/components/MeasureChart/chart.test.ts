import { describe as suite, expect, it } from 'vitest'
import { bars, describe, formatValue, hasChart, layout, niceCeiling, unitCaption } from './chart'

const conviction = {
  direction: 'increase' as const,
  baseline: { value: 58, unit: '% conviction rate for domestic abuse' },
  target: { value: 65 },
  readings: [],
}

suite('formatValue and unitCaption', () => {
  it('writes percentages with a sign and short units after the number', () => {
    expect(formatValue(58, '% conviction rate')).toBe('58%')
    expect(formatValue(138, 'cases')).toBe('138 cases')
    expect(formatValue(1234.5, 'repeat victims per month')).toBe('1,234.5')
    expect(unitCaption('% conviction rate for domestic abuse')).toBe('conviction rate for domestic abuse')
  })
})

suite('niceCeiling', () => {
  it('rounds up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceCeiling(138)).toBe(200)
    expect(niceCeiling(65)).toBe(100)
    expect(niceCeiling(24)).toBe(25)
    expect(niceCeiling(5)).toBe(5)
    expect(niceCeiling(0)).toBe(1)
    expect(niceCeiling(0.3)).toBeCloseTo(0.5)
  })
})

suite('bars', () => {
  it('orders baseline, readings by date, then target', () => {
    const result = bars({
      ...conviction,
      baseline: { ...conviction.baseline, date: new Date('2017-09-01') },
      readings: [
        { date: new Date('2020-03-01'), value: 62 },
        { date: new Date('2019-03-01'), value: 60 },
      ],
    })
    expect(result.map((b) => `${b.kind} ${b.label} ${b.display}`)).toEqual([
      'baseline Baseline, September 2017 58%',
      'reading March 2019 60%',
      'reading March 2020 62%',
      'target Target 65%',
    ])
  })
  it('needs two values for a chart', () => {
    expect(hasChart(conviction)).toBe(true)
    expect(hasChart({ ...conviction, target: undefined })).toBe(false)
  })
})

suite('layout', () => {
  it('puts percentages on a 0–100 scale, bars growing up from the axis', () => {
    const chart = layout(conviction, { width: 480, height: 220 })
    expect(chart.max).toBe(100)
    const [base, target] = chart.bars
    expect(base!.y + base!.h).toBe(chart.plot.bottom)
    expect(base!.h / target!.h).toBeCloseTo(58 / 65)
    expect(target!.h).toBeCloseTo(0.65 * (chart.plot.bottom - chart.plot.top))
    expect(chart.ticks.map((t) => t.label)).toEqual(['0%', '25%', '50%', '75%', '100%'])
    expect(chart.ticks[4]!.y).toBe(chart.plot.top)
  })
  it('keeps bars inside the plot and apart', () => {
    const chart = layout({ direction: 'reduce', baseline: { value: 138, unit: 'cases' }, target: { value: 100 }, readings: [{ date: new Date('2019-01-01'), value: 120 }] })
    expect(chart.max).toBe(200)
    for (const [i, b] of chart.bars.entries()) {
      expect(b.x).toBeGreaterThanOrEqual(chart.plot.left)
      expect(b.x + b.w).toBeLessThanOrEqual(chart.plot.right)
      if (i) expect(b.x).toBeGreaterThan(chart.bars[i - 1]!.x + chart.bars[i - 1]!.w)
    }
  })
})

suite('describe', () => {
  it('says the chart in words', () => {
    expect(describe(conviction)).toBe('Aim: increase. Baseline: 58%; Target: 65%.')
    expect(describe({ direction: 'reduce', readings: [] })).toBe('Aim: reduce. No figures published yet.')
  })
})
