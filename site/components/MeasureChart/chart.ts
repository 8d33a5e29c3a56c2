/**
 * The maths behind a measure's chart: baseline, readings and target as bars on one scale, and the
 * sentence that says the same thing for people who cannot see the chart. Pure functions, tested.
 */
import { formatMonth } from '../../lib/dates'

export type MeasureInput = {
  direction: 'increase' | 'reduce'
  baseline?: { value?: number; unit?: string; date?: Date | null; source?: string }
  target?: { value?: number; date?: Date | null }
  readings: { date: Date; value: number }[]
}

export type Bar = { kind: 'baseline' | 'reading' | 'target'; label: string; value: number; display: string }

export type ChartLayout = {
  width: number
  height: number
  max: number
  ticks: { value: number; y: number; label: string }[]
  bars: (Bar & { x: number; y: number; w: number; h: number })[]
  plot: { left: number; top: number; right: number; bottom: number }
}

/** A percentage unit is written "%…" in the CMS ("% of students surveyed …"). */
export const isPercent = (unit?: string) => Boolean(unit && unit.trim().startsWith('%'))

/** "58%" or "138 cases"; units longer than a word are explained once, not repeated on every value. */
export function formatValue(value: number, unit?: string): string {
  const n = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(value)
  if (isPercent(unit)) return `${n}%`
  const short = unit?.trim()
  return short && !/\s/.test(short) ? `${n} ${short}` : n
}

/** The words after "%" in a percentage unit, or the whole unit: "of students surveyed …". */
export const unitCaption = (unit?: string) => (unit ? unit.trim().replace(/^%\s*/, '').trim() : '')

/** The smallest "nice" number (1, 2, 2.5, 5 × 10ⁿ) at or above `value`. */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1
  const power = 10 ** Math.floor(Math.log10(value))
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value - 1e-9) return step * power
  return 10 * power
}

/** Bars in time order: baseline, then readings by date, then the target. */
export function bars(measure: MeasureInput): Bar[] {
  const unit = measure.baseline?.unit
  const out: Bar[] = []
  const b = measure.baseline
  if (b?.value !== undefined) out.push({ kind: 'baseline', label: b.date ? `Baseline, ${formatMonth(b.date)}` : 'Baseline', value: b.value, display: formatValue(b.value, unit) })
  for (const r of [...measure.readings].sort((x, y) => x.date.getTime() - y.date.getTime()))
    out.push({ kind: 'reading', label: formatMonth(r.date), value: r.value, display: formatValue(r.value, unit) })
  const t = measure.target
  if (t?.value !== undefined) out.push({ kind: 'target', label: t.date ? `Target, ${formatMonth(t.date)}` : 'Target', value: t.value, display: formatValue(t.value, unit) })
  return out
}

/** A chart is worth drawing when there are at least two values to compare. */
export const hasChart = (measure: MeasureInput) => bars(measure).length >= 2

export function layout(measure: MeasureInput, { width = 480, height = 220 } = {}): ChartLayout {
  const items = bars(measure)
  const plot = { left: 48, top: 16, right: width - 12, bottom: height - 44 }
  const largest = Math.max(0, ...items.map((b) => b.value))
  // Percentages up to 100 read best on a 0–100 scale; everything else on a nice ceiling.
  const max = isPercent(measure.baseline?.unit) && largest <= 100 ? 100 : niceCeiling(largest)
  const y = (v: number) => plot.bottom - (Math.max(0, v) / max) * (plot.bottom - plot.top)
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => {
    const value = max * f
    return { value, y: y(value), label: formatValue(value, measure.baseline?.unit) }
  })
  const slot = (plot.right - plot.left) / Math.max(1, items.length)
  const w = Math.min(72, slot * 0.6)
  return {
    width,
    height,
    max,
    ticks,
    plot,
    bars: items.map((bar, i) => ({ ...bar, x: plot.left + slot * i + (slot - w) / 2, y: y(bar.value), w, h: plot.bottom - y(bar.value) })),
  }
}

/** The chart as one sentence: what should happen, from where, to where, and what happened so far. */
export function describe(measure: MeasureInput): string {
  const parts = bars(measure)
  const aim = measure.direction === 'increase' ? 'Aim: increase' : 'Aim: reduce'
  if (!parts.length) return `${aim}. No figures published yet.`
  return `${aim}. ${parts.map((b) => `${b.label}: ${b.display}`).join('; ')}.`
}
