/**
 * The W3C Nu HTML Checker (vnu-jar, the checker behind validator.w3.org/nu) over many files in one
 * Java process: errors only, as JSON. Java comes from the system (`java -version`).
 */
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'

export type NuMessage = { file: string; line?: number; message: string; extract?: string }

// The package exports the jar's path (as a String object).
const jar = String(createRequire(import.meta.url)('vnu-jar'))

export async function checkHtml(files: string[]): Promise<NuMessage[]> {
  if (files.length === 0) return []
  const output = await new Promise<string>((resolve, reject) => {
    // vnu writes its report to stderr; --exit-zero-always so a report is not mistaken for a crash.
    const child = spawn('java', ['-jar', jar, '--format', 'json', '--errors-only', '--exit-zero-always', ...files], { stdio: ['ignore', 'pipe', 'pipe'] })
    let err = ''
    child.stderr.on('data', (c) => (err += c))
    child.on('error', (error) => reject(new Error(`Could not run java for the Nu HTML checker (${error.message}). Install a Java runtime (apt-get install -y default-jre-headless).`)))
    child.on('exit', (code) => (code === 0 ? resolve(err) : reject(new Error(`vnu exited ${code}:\n${err.slice(-2000)}`))))
  })
  const report = JSON.parse(output) as { messages: { type: string; subType?: string; url?: string; lastLine?: number; message: string; extract?: string }[] }
  return report.messages
    .filter((m) => m.type === 'error' || m.subType === 'fatal' || m.type === 'non-document-error')
    .map((m) => ({ file: decodeURIComponent((m.url ?? '').replace(/^file:/, '')), line: m.lastLine, message: m.message, extract: m.extract }))
}
