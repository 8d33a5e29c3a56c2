/**
 * /admin/review — one page for both sides of the review workflow:
 * editors see every partner change awaiting review (with a link to Payload's version comparison
 * and to the entry, where they publish or write a note and request changes); partners see each of
 * their organisation's entries with its state, the editor's note and whether its six-monthly check
 * is due, then their organisation's review recommendations (issue 21) with progress, due date and
 * whether an update awaits review. Everything is read through access control as the signed-in user.
 */
import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps, PayloadRequest } from 'payload'
import { isPartner, isStaff } from '../access'
import { relationId } from '../fields/relation'
import type { Organisation, Recommendation, Service } from '../payload-types'
import { REVIEW_STATES } from '../review/fields'
import { isReviewDue } from '../rules'
import { labelOf, RECOMMENDATION_STATUSES } from '../reviews/rules'
import { ConfirmEntry } from './email/ConfirmEntry'

/** A directory entry or an organisation profile, as the queue lists it (organisations have no provider or confirmation). */
type Entry = Pick<Service | Organisation, 'id' | 'name' | '_status' | 'review'> & Partial<Pick<Service, 'confirmed' | 'organisation'>>

const stateLabel = (state?: string | null) => REVIEW_STATES.find((s) => s.value === state)?.label ?? '—'
const day = (value?: string | null) => (value ? new Date(value).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }) : '—')
const orgName = (org: Entry['organisation']) => (org && typeof org === 'object' ? org.name : '')
const who = (by: NonNullable<Entry['review']>['submittedBy']) => (by && typeof by === 'object' ? by.name || by.email : '')

async function pending(req: PayloadRequest, collection: 'services' | 'organisations' | 'recommendations'): Promise<Entry[]> {
  const { docs } = await req.payload.find({
    collection,
    draft: true,
    where: { 'review.state': { equals: 'pending' } },
    overrideAccess: false,
    user: req.user,
    depth: 1,
    limit: 200,
    sort: 'review.submittedAt',
  })
  // A review recommendation has no name: the queue shows its wording.
  return docs.map((doc) => ('recommendation' in doc ? { ...doc, name: String(doc.recommendation) } : doc)) as Entry[]
}

export async function ReviewQueue({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, visibleEntities, locale } = initPageResult
  const user = req.user
  const template = (children: React.ReactNode) => (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <Gutter className="csp-review">{children}</Gutter>
    </DefaultTemplate>
  )
  if (!user) return template(<p>Please sign in.</p>)

  if (isStaff(user)) {
    const [services, organisations, recommendations] = await Promise.all([pending(req, 'services'), pending(req, 'organisations'), pending(req, 'recommendations')])
    const rows = [
      ...services.map((doc) => ({ doc, collection: 'services', kind: 'Directory entry' })),
      ...organisations.map((doc) => ({ doc, collection: 'organisations', kind: 'Organisation profile' })),
      ...recommendations.map((doc) => ({ doc, collection: 'recommendations', kind: 'Review recommendation progress' })),
    ]
    return template(
      <>
        <h1>Review queue</h1>
        <p>
          Changes partners have submitted. The live site keeps the last published version until you publish. Open an entry to
          publish it, or write a <em>Note to the partner</em> and set <em>Changes requested</em>, then save a draft.
        </p>
        {rows.length === 0 ? (
          <p className="csp-review__empty">Nothing is waiting for review.</p>
        ) : (
          <table className="csp-review__table">
            <thead>
              <tr>
                <th scope="col">Entry</th>
                <th scope="col">Kind</th>
                <th scope="col">Submitted by</th>
                <th scope="col">Submitted</th>
                <th scope="col">What changed</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ doc, collection, kind }) => (
                <tr key={`${collection}-${doc.id}`}>
                  <td>
                    <a href={`/admin/collections/${collection}/${doc.id}`}>{doc.name}</a>
                    {orgName(doc.organisation) ? <div className="csp-review__muted">{orgName(doc.organisation)}</div> : null}
                  </td>
                  <td>{kind}</td>
                  <td>{who(doc.review?.submittedBy) || '—'}</td>
                  <td>{day(doc.review?.submittedAt)}</td>
                  <td>
                    <a href={`/admin/collections/${collection}/${doc.id}/versions`}>Compare versions</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </>,
    )
  }

  if (isPartner(user)) {
    const { docs } = await req.payload.find({
      collection: 'services',
      draft: true,
      overrideAccess: false,
      user,
      depth: 1,
      limit: 500,
      sort: 'name',
      where: { organisation: { equals: relationId(user.organisation) } },
    })
    // The confirmation is written to the entry itself, not to its draft versions (it changes no
    // content): read it from there, or an entry with a newer draft would show an old date.
    const confirmedOn = new Map(
      (
        await req.payload.find({ collection: 'services', overrideAccess: false, user, depth: 0, pagination: false, where: { id: { in: docs.map((d) => d.id) } }, select: { confirmed: true } })
      ).docs.map((d) => [d.id, d.confirmed?.on ?? null]),
    )
    const entries: Entry[] = docs.map((d) => (confirmedOn.has(d.id) ? { ...d, confirmed: { ...d.confirmed, on: confirmedOn.get(d.id) } } : d))
    const due = entries.filter((e) => isReviewDue(e.confirmed?.on)).length
    // Their organisation's recommendations, newest save first (a pending update is the draft):
    // what the collection's access lets them read, no more. Its review's pseudonym shows once the
    // review is published (before that the relation is a bare id to them).
    const recommendations = (
      await req.payload.find({
        collection: 'recommendations',
        draft: true,
        overrideAccess: false,
        user,
        depth: 1,
        limit: 500,
        sort: 'dueDate',
        where: { organisation: { equals: relationId(user.organisation) } },
      })
    ).docs as Recommendation[]
    return template(
      <>
        <h1>Your directory entries</h1>
        <p>
          Your changes are checked by the partnership’s comms team before they appear on the public site.
          {due > 0 ? ` ${due} of your ${entries.length} entries have not been confirmed in the last six months, or ever: please confirm or update them.` : ''}
        </p>
        <table className="csp-review__table">
          <thead>
            <tr>
              <th scope="col">Entry</th>
              <th scope="col">State</th>
              <th scope="col">Note from the comms team</th>
              <th scope="col">Last confirmed</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>
                  <a href={`/admin/collections/services/${entry.id}`}>{entry.name}</a>
                </td>
                <td>{entry.review?.state ? stateLabel(entry.review.state) : entry._status === 'published' ? 'Live' : 'Draft'}</td>
                <td>{entry.review?.note || '—'}</td>
                <td>
                  {/* Due or never confirmed: confirm in one step here, without opening the entry. */}
                  <ConfirmEntry id={entry.id} name={entry.name} confirmedOn={entry.confirmed?.on ?? null} due={isReviewDue(entry.confirmed?.on)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {recommendations.length > 0 ? (
          <>
            <h2>Your organisation’s review recommendations</h2>
            <p>Recommendations of domestic homicide reviews your organisation owns. Update their progress; the comms team checks it before it appears on the public site.</p>
            <table className="csp-review__table csp-review__recommendations">
              <thead>
                <tr>
                  <th scope="col">Recommendation</th>
                  <th scope="col">Progress</th>
                  <th scope="col">Due</th>
                  <th scope="col">Review state</th>
                  <th scope="col">Note from the comms team</th>
                </tr>
              </thead>
              <tbody>
                {recommendations.map((rec) => (
                  <tr key={rec.id}>
                    <td>
                      <a href={`/admin/collections/recommendations/${rec.id}`}>{rec.recommendation}</a>
                      {typeof rec.homicideReview === 'object' && rec.homicideReview?.pseudonym ? <div className="csp-review__muted">{rec.homicideReview.pseudonym}</div> : null}
                    </td>
                    <td>{labelOf(RECOMMENDATION_STATUSES, rec.status)}</td>
                    <td>{day(rec.dueDate)}</td>
                    <td>{rec.review?.state ? stateLabel(rec.review.state) : rec._status === 'published' ? 'Live' : 'Draft'}</td>
                    <td>{rec.review?.note || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}
      </>,
    )
  }
  return template(<p>There is nothing to review for your account.</p>)
}
