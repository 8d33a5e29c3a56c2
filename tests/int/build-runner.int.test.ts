/**
 * The CMS's build runner (cms/publishing/run-build.ts createBuildRunner) writes each publish's
 * build to the build log and says what is live. A build that fails after the edited entry's own
 * page went live (scripts/lib/site-build.ts, PARTLY_LIVE) must not be logged as "the previous site
 * is still live": that would be untrue.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createBuildRunner } from '../../cms/publishing/run-build'
import { PARTLY_LIVE } from '../../cms/publishing/outcome'
import { throwawayPayload } from '../helpers/payload'

let payload: Payload
const logged: string[] = []
beforeAll(async () => {
  ;({ payload } = await throwawayPayload('build-runner'))
  const error = payload.logger.error.bind(payload.logger)
  payload.logger.error = ((message: unknown, ...rest: unknown[]) => {
    logged.push(String(message))
    return (error as (...args: unknown[]) => void)(message, ...rest)
  }) as typeof payload.logger.error
}, 120_000)
afterAll(async () => payload?.destroy())

const lastBuild = async () => (await payload.find({ collection: 'site-builds', sort: '-startedAt', limit: 1, depth: 0 })).docs[0]!

it('a build that failed before anything went live: the log says the previous site is still live', async () => {
  const run = createBuildRunner(payload, () => Promise.reject(new Error('ENOSPC: no space left on device')))
  await expect(run(['services “A” published'])).rejects.toThrow('ENOSPC')
  expect(await lastBuild()).toMatchObject({ status: 'failed', error: 'ENOSPC: no space left on device' })
  expect(logged.at(-1)).toBe('Site build failed; the previous site is still live. ENOSPC: no space left on device')
})

it('a build that failed after the first pages went live: failed, naming them, and never "still live"', async () => {
  const why = `${PARTLY_LIVE} (services/a/index.html); the pages that list them were not updated: ENOSPC`
  const run = createBuildRunner(payload, () => Promise.reject(new Error(why)))
  await expect(run(['services “A” published'])).rejects.toThrow(PARTLY_LIVE)
  expect(await lastBuild()).toMatchObject({ status: 'failed', error: why })
  expect(logged.at(-1)).toBe(`Site build failed. ${why}`)
  expect(logged.at(-1)).not.toContain('still live')
})
