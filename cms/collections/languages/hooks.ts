import type { CollectionBeforeChangeHook } from 'payload'
import { stringPaths } from '../../languages/strings'

type Doc = Record<string, unknown> & { fluentCheck?: { checked?: boolean | null; checkedBy?: string | null; checkedAt?: string | null } }

const at = (doc: Record<string, unknown> | undefined, path: string) => {
  const [group, key] = path.split('.') as [string, string]
  return (doc?.[group] as Record<string, unknown> | undefined)?.[key]
}

/** Did any interface string change between the stored document and what is being saved? */
export const stringsChanged = (data: Record<string, unknown>, original: Record<string, unknown> | undefined): boolean =>
  stringPaths().some((path) => {
    const next = at(data, path)
    return next !== undefined && next !== at(original, path)
  })

/**
 * "Checked by a fluent speaker": who and when are recorded by the server from the signed-in user,
 * never taken from the form; a change to any string sets the language back to "not yet checked".
 * Without a user (the seeder, a restore) the record is written as given.
 */
export const recordFluentCheck: CollectionBeforeChangeHook = ({ data, originalDoc, req, operation }) => {
  const user = req.user as { name?: string | null; email?: string } | null | undefined
  if (!user) return data
  const original = (operation === 'update' ? originalDoc : undefined) as Doc | undefined
  const wasChecked = Boolean(original?.fluentCheck?.checked)
  const wants = (data as Doc).fluentCheck?.checked ?? wasChecked
  const changed = operation === 'update' && stringsChanged(data, original)
  let fluentCheck: Doc['fluentCheck']
  if (wants && !wasChecked) fluentCheck = { checked: true, checkedBy: user.name || user.email || 'unknown', checkedAt: new Date().toISOString() }
  else if (wants && !changed) fluentCheck = { checked: true, checkedBy: original?.fluentCheck?.checkedBy ?? null, checkedAt: original?.fluentCheck?.checkedAt ?? null }
  else fluentCheck = { checked: false, checkedBy: null, checkedAt: null }
  return { ...data, fluentCheck }
}
