import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

/** A temporary folder holding `files` (path → text, or a value written as JSON). */
export function writeTree(files: Record<string, unknown>, prefix = 'tree-'): string {
  const root = mkdtempSync(path.join(tmpdir(), prefix))
  for (const [file, body] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
    writeFileSync(path.join(root, file), typeof body === 'string' ? body : JSON.stringify(body))
  }
  return root
}
