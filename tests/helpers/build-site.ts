/**
 * tsx tests/helpers/build-site.ts <folder> — seed the (throwaway) database from content/ and build
 * the site into <folder> with the production pipeline. Used by browser tests and benchmarks.
 */
import path from 'node:path'
import { buildSite } from '../../scripts/lib/site-build'

const target = path.resolve(process.argv[2] ?? 'dist')
const { openCms } = await import('../../scripts/lib/cms')
const { seedIfEmpty } = await import('../../cms/seed/seed')
const payload = await openCms()
await seedIfEmpty(payload, path.resolve('content'))
if (process.env.SEED_TEST_DRAFTS === '1') await (await import('./drafts')).seedDrafts(payload)
if (process.env.SEED_TEST_IMAGE === '1') {
  const slug = await (await import('./test-image')).attachTestImage(payload, path.dirname(target))
  console.log(`Attached the test fixture image to news "${slug}"`)
}
if (process.env.SEED_TEST_REVIEWS === '1' || process.env.SEED_TEST_REVIEWS === 'fictional')
  await (await import('./review-fixtures')).seedTestReviews(payload, path.dirname(target), { fictionalOwners: process.env.SEED_TEST_REVIEWS === 'fictional' })
// The languages an admin has switched on (issue 20), e.g. SEED_LANGUAGES=bn,ur; unset keeps the default (all).
if (process.env.SEED_LANGUAGES !== undefined)
  await payload.updateGlobal({ slug: 'site-settings', data: { languages: process.env.SEED_LANGUAGES.split(',').filter(Boolean) } as never })
await payload.destroy()
const { seconds, pages, excluded } = await buildSite(process.env, { target, quiet: true })
// What the build left out, for the tests that check a record is left out for the right reason.
if (process.env.SEED_TEST_REVIEWS === '1') (await import('node:fs')).writeFileSync(path.join(path.dirname(target), 'excluded.json'), JSON.stringify(excluded, null, 2))
console.log(`Built the test site (${pages} pages) in ${seconds.toFixed(1)} s into ${target}`)
process.exit(0)
