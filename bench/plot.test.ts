import { expect, it } from 'vitest'
import { publishPlotSvg } from './plot'

it('plots publish-to-live against N, one point per N measured, with the 15 s budget', () => {
  const svg = publishPlotSvg([{ services: 1000, publishToLiveSeconds: 6.3 }, { services: 5000, publishToLiveSeconds: 24.1 }, { services: 10000, publishToLiveSeconds: 48.4 }], 'test run')
  expect(svg).toMatch(/^<svg [^>]*viewBox/)
  expect(svg.match(/<circle /g)).toHaveLength(3)
  expect(svg).toContain('Publish-to-live')
  expect(svg).toContain('48.4 at N=10000')
  expect(svg).toContain('budget 15 s')
  for (const n of ['1,000', '5,000', '10,000']) expect(svg).toContain(`>${n}</text>`)
})
