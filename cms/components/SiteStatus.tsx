/**
 * On the dashboard, for the comms team: whether the public site shows the latest changes. A failed
 * build (the previous site is still live) and records the last build left out stay here until
 * fixed — "never report success for what will not happen".
 */
import type { ServerProps } from 'payload'
import { isStaff } from '../access'
import type { Exclusion } from '../../site/lib/payload-loader'

const editLink = (e: Exclusion) => `/admin/collections/${e.collection}/${e.id}`

export async function SiteStatus({ payload, user }: ServerProps) {
  if (!isStaff(user)) return null
  const labelOf = (slug: string) => {
    const label = payload.collections[slug as keyof typeof payload.collections]?.config.labels?.singular
    return typeof label === 'string' ? label.toLowerCase() : slug
  }
  const { docs } = await payload.find({ collection: 'site-builds', sort: '-startedAt', limit: 10, depth: 0, overrideAccess: false, user })
  const finished = docs.filter((b) => b.status !== 'running')
  const last = finished[0]
  if (!last) return null
  const lastGood = finished.find((b) => b.status === 'succeeded')
  const excluded = ((lastGood?.excluded as Exclusion[] | null | undefined) ?? []).filter(Boolean)
  if (last.status === 'succeeded' && excluded.length === 0) return null
  return (
    <section className="csp-status" aria-labelledby="csp-status-title">
      <h2 id="csp-status-title" className="csp-status__title">
        {last.status === 'failed' ? 'The public site is not showing the latest changes' : 'Some records are left out of the public site'}
      </h2>
      {last.status === 'failed' && (
        <>
          <p>
            The last site build failed, so the site still shows the build of{' '}
            {lastGood?.finishedAt ? new Date(lastGood.finishedAt).toUTCString() : 'an earlier time'}. It is tried again after the next publish.
          </p>
          {last.error && <pre className="csp-status__reason">{last.error}</pre>}
        </>
      )}
      {excluded.length > 0 && (
        <>
          <p>
            {excluded.length} record{excluded.length === 1 ? ' is' : 's are'} left out because {excluded.length === 1 ? 'it does' : 'they do'} not pass the site’s checks. Everything else is live. Fix
            {excluded.length === 1 ? ' it' : ' them'} and publish again:
          </p>
          <ul>
            {excluded.map((e) => (
              <li key={`${e.collection}-${e.id}`}>
                <a href={editLink(e)}>{e.title}</a> ({labelOf(e.collection)}): {e.problem}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <a href="/admin/collections/site-builds">Open the build log</a>
      </p>
    </section>
  )
}
