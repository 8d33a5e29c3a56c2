/**
 * Run as a child process by service-translations-export.int.test.ts against the restored database
 * (a second Payload cannot open in the test's own process): prints each service translation's
 * language, name, publish state and "English changed since", as staff see them.
 */
import { openCms } from '../../scripts/lib/cms'

const payload = await openCms()
const staff = { role: 'editor', collection: 'users', id: 0 } as never
const read = async (draft: boolean) =>
  (await payload.find({ collection: 'service-translations', draft, depth: 0, sort: 'language', overrideAccess: false, user: staff })).docs.map((d) => ({ language: d.language, name: d.name, _status: d._status, englishChanged: d.englishChanged }))
console.log(`INSPECT ${JSON.stringify({ live: await read(false), latest: await read(true) })}`)
process.exit(0)
