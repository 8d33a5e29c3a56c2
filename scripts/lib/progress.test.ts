import { describe, expect, it } from 'vitest'
import { progress } from './progress'

/** A stream that records what is written, and a clock the test moves by hand. */
function fixture(isTTY: boolean) {
  const out: string[] = []
  let t = 0
  return { out, stream: { isTTY, write: (s: string) => out.push(s) }, now: () => t, advance: (ms: number) => (t += ms) }
}

describe('progress', () => {
  it('says nothing for work that finishes within the quiet period', () => {
    for (const isTTY of [true, false]) {
      const f = fixture(isTTY)
      const p = progress('Seeding directory entries', 100, { stream: f.stream, now: f.now })
      for (let i = 0; i < 100; i++) (f.advance(10), p.tick())
      p.done()
      expect(f.out).toEqual([])
    }
  })

  it('on a terminal, redraws one line in place and ends it with a newline', () => {
    const f = fixture(true)
    const p = progress('Seeding directory entries', 10_000, { stream: f.stream, now: f.now })
    f.advance(2500)
    p.tick(2300)
    f.advance(9500)
    p.tick(100)
    p.done()
    expect(f.out).toEqual([
      '\r\x1b[2KSeeding directory entries 2,300 / 10,000 · 3 s',
      '\r\x1b[2KSeeding directory entries 2,400 / 10,000 · 12 s',
      '\r\x1b[2KSeeding directory entries 2,400 / 10,000 · 12 s\n',
    ])
    expect(f.out.join('').split('\n')).toHaveLength(2) // one line on screen, then the prompt
  })

  it('on a terminal, redraws at most every 100 ms however fast the work ticks', () => {
    const f = fixture(true)
    const p = progress('Exporting', 10_000, { stream: f.stream, now: f.now })
    f.advance(3000)
    for (let i = 0; i < 10_000; i++) (f.advance(0.1), p.tick())
    expect(f.out.length).toBeLessThanOrEqual(11)
    expect(f.out.length).toBeGreaterThan(1)
  })

  it('without a terminal, writes plain lines at each tenth of the way, no control characters', () => {
    const f = fixture(false)
    const p = progress('Seeding directory entries', 1000, { stream: f.stream, now: f.now })
    for (let i = 0; i < 1000; i++) (f.advance(10), p.tick())
    p.done()
    expect(f.out.join('')).not.toMatch(/[\r\x1b]/)
    // Quiet for the first 2 s (200 records), then once per tenth crossed; done() repeats nothing.
    expect(f.out).toEqual([
      'Seeding directory entries 200 / 1,000 · 2 s\n',
      'Seeding directory entries 300 / 1,000 · 3 s\n',
      'Seeding directory entries 400 / 1,000 · 4 s\n',
      'Seeding directory entries 500 / 1,000 · 5 s\n',
      'Seeding directory entries 600 / 1,000 · 6 s\n',
      'Seeding directory entries 700 / 1,000 · 7 s\n',
      'Seeding directory entries 800 / 1,000 · 8 s\n',
      'Seeding directory entries 900 / 1,000 · 9 s\n',
      'Seeding directory entries 1,000 / 1,000 · 10 s\n',
    ])
  })

  it('without a terminal, still writes every few seconds when the work is slow', () => {
    const f = fixture(false)
    const p = progress('Importing', 1000, { stream: f.stream, now: f.now })
    for (let i = 0; i < 50; i++) (f.advance(1000), p.tick())
    // 50 s for 5 % of the work: no tenth crossed, so a line every 5 s after the quiet period.
    expect(f.out.slice(0, 3)).toEqual(['Importing 2 / 1,000 · 2 s\n', 'Importing 7 / 1,000 · 7 s\n', 'Importing 12 / 1,000 · 12 s\n'])
    p.done()
    expect(f.out.at(-1)).toBe('Importing 50 / 1,000 · 50 s\n')
  })
})
