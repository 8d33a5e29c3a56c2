/**
 * Run as a child process by backup-restore.int.test.ts: a second Payload on the same SQLite file,
 * writing organisations (each a row, a version and their text tables, in one transaction) every few
 * milliseconds, so a backup in the test's process is taken while another process writes.
 * Prints `READY`, then `ACK <name> <epoch ms>` after each write is acknowledged (create resolved).
 * Stops when its stdin closes, or after 90 s or 3000 writes whatever happens to the test (each
 * SQLite transaction through the adapter holds on to a connection, so it must not run unbounded).
 * Usage: tsx tests/int/backup-writer.ts <name-prefix>
 */
import { openCms } from '../../scripts/lib/cms'

const prefix = process.argv[2] ?? 'writer'
const payload = await openCms()
let running = true
process.stdin.on('end', () => (running = false)).resume()
setTimeout(() => (running = false), 90_000).unref()
console.log('READY')
for (let i = 0; running && i < 3000; i++) {
  const name = `${prefix} ${i}`
  try {
    await payload.create({ collection: 'organisations', data: { name, slug: name.toLowerCase().replace(/ /g, '-'), type: 'charity', _status: 'published' } })
    console.log(`ACK ${name} ${Date.now()}`)
  } catch (error) {
    // A write refused while the database is busy was never acknowledged, so it is not owed.
    console.log(`FAIL ${name} ${(error as Error).message.split('\n')[0]}`)
  }
  await new Promise((resolve) => setTimeout(resolve, 5))
}
await payload.destroy()
process.exit(0)
