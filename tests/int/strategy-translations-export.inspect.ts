/**
 * Run as a child process by strategy-translations-export.int.test.ts against the restored database
 * (a second Payload cannot open in the test's own process): prints each strategy and priority
 * translation's language, publish state and "English changed since", as staff see them.
 */
import { openCms } from '../../scripts/lib/cms'

const payload = await openCms()
const staff = { role: 'editor', collection: 'users', id: 0 } as never
const read = async (collection: 'strategy-translations' | 'priority-translations', draft: boolean) =>
  (await payload.find({ collection, draft, depth: 0, sort: 'language', overrideAccess: false, user: staff })).docs.map((d) => ({ language: d.language, title: d.title, _status: d._status, englishChanged: d.englishChanged }))
console.log(
  `INSPECT ${JSON.stringify({
    strategy: { live: await read('strategy-translations', false), latest: await read('strategy-translations', true) },
    priority: { live: await read('priority-translations', false), latest: await read('priority-translations', true) },
  })}`,
)
process.exit(0)
