/**
 * Calls one of the admin's server functions over HTTP, as the admin's own JavaScript does: a POST
 * with the Next-Action id of the layout's server function (read from the admin build's manifest)
 * and the React-encoded arguments. Payload routes every admin server function (schedule-publish,
 * form-state, …) through that one action, by name.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'

let actionId: string | undefined
function layoutActionId(): string {
  if (actionId) return actionId
  const manifest = JSON.parse(readFileSync(path.resolve('cms/.next/server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { filename: string }>
  }
  const found = Object.entries(manifest.node).find(([, action]) => action.filename === 'cms/app/(payload)/layout.tsx')
  if (!found) throw new Error('No server function in the admin build for cms/app/(payload)/layout.tsx')
  return (actionId = found[0])
}

/** Dates travel as React's "$D" form, like the admin's date picker sends them. */
export const serverDate = (date: Date) => `$D${date.toISOString()}`

/** Returns the function's result, or `{ thrown: true }` when it threw (Next sends only a digest). */
export async function callServerFunction(cms: string, token: string, name: string, args: Record<string, unknown>): Promise<unknown> {
  const response = await fetch(`${cms}/admin`, {
    method: 'POST',
    headers: {
      'Next-Action': layoutActionId(),
      'Content-Type': 'text/plain;charset=UTF-8',
      Accept: 'text/x-component',
      Cookie: `payload-token=${token}`,
      Origin: cms,
    },
    body: JSON.stringify([{ name, args }]),
  })
  const text = await response.text()
  // The answer is React's flight format: one line per chunk, "1:" holds the returned value.
  const line = text.split('\n').find((l) => l.startsWith('1:'))
  if (!line) throw new Error(`Unexpected server function answer (${response.status}): ${text.slice(0, 300)}`)
  if (line.startsWith('1:E')) return { thrown: true }
  return JSON.parse(line.slice(2))
}
