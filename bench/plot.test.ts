import { expect, it } from 'vitest'
import { publishPlotSvg } from './plot'

it('plots publish-to-live against N, one point per N measured, with the 5 s budget', () => {
  const svg = publishPlotSvg([{ services: 1000, publishToLiveSeconds: 6.3 }, { services: 5000, publishToLiveSeconds: 24.1 }, { services: 10000, publishToLiveSeconds: 48.4 }], 'test run')
  expect(svg).toMatch(/^<svg [^>]*viewBox/)
  expect(svg.match(/<circle /g)).toHaveLength(3)
  expect(svg).toContain('Publish-to-live')
  expect(svg).toContain('48.4 at N=10000')
  expect(svg).toContain('budget 5 s')
  expect(svg).not.toContain('Raw publish floor')
  for (const n of ['1,000', '5,000', '10,000']) expect(svg).toContain(`>${n}</text>`)
})

it('draws the raw publish floor measured in the same run beside publish-to-live', () => {
  const svg = publishPlotSvg([{ services: 1000, publishToLiveSeconds: 4.5, rawPublishSeconds: 3.1 }, { services: 10000, publishToLiveSeconds: 18.8, rawPublishSeconds: 12.2 }], 'test run')
  expect(svg.match(/<circle /g)).toHaveLength(4)
  expect(svg).toMatch(/Raw publish floor[^<]*: 12.2 at N=10000/)
  expect(svg).not.toContain('Every changed page live')
})

it('draws when every changed page was live, beside the edited page, when the run measured it', () => {
  const svg = publishPlotSvg([{ services: 1000, publishToLiveSeconds: 1.5, allLiveSeconds: 2.4 }, { services: 10000, publishToLiveSeconds: 4.1, allLiveSeconds: 7.9 }], 'test run')
  expect(svg.match(/<circle /g)).toHaveLength(4)
  expect(svg).toMatch(/Every changed page live[^<]*: 7.9 at N=10000/)
})
