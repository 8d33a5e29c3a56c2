/**
 * In an English document's sidebar (news story, strategy, priority, directory entry), for the comms team: which
 * languages it has, whether each is published or a draft, when it was last checked and by whom it
 * was translated, and which are out of date because the English was republished after the check
 * (issue 20, phase B). Read with the signed-in user's own access, so it shows nothing they could
 * not open. One panel for every translated kind (cms/translations/collection.ts).
 */
import type { CollectionSlug, Payload } from 'payload'
import { isStaff } from '../../access'
import { LANGUAGES, OPTIONAL_LANGUAGES } from '../../languages/strings'

type Props = { payload: Payload; user?: unknown; id?: number | string }
type Row = { id: number; language: string; _status?: string | null; lastChecked?: string | null; translator?: string | null; englishChanged?: boolean | null }
type Kind = { translations: CollectionSlug; parentField: string; noun: string }

const endonym = (code: string) => LANGUAGES.find((l) => l.code === code)?.endonym ?? code
const day = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })

async function LanguagesOf({ payload, user, id }: Props, { translations, parentField, noun }: Kind) {
  if (!isStaff(user) || id == null) return null
  const read = (draft: boolean) => payload.find({ collection: translations, where: { [parentField]: { equals: id } }, draft, depth: 0, limit: 20, overrideAccess: false, user: user as never })
  // The newest version of each (a draft over a published one reads as a draft), and which are live.
  const [latest, stored] = await Promise.all([read(true), read(false)])
  const byCode = new Map((latest.docs as unknown as Row[]).map((d) => [d.language, d]))
  const live = new Set((stored.docs as unknown as Row[]).filter((d) => d._status === 'published').map((d) => d.language))
  const state = (t: Row) => (live.has(t.language) ? (t._status === 'published' ? 'published' : 'published, with unpublished changes') : 'draft, not on the site')
  return (
    <section className="csp-languages" aria-labelledby="csp-languages-title" data-news-languages={translations === 'news-translations' ? '' : undefined} data-languages={translations}>
      <h3 id="csp-languages-title" className="csp-languages__title">Languages</h3>
      <p className="csp-languages__note">English is this {noun}. Other languages are separate translations, each published on its own.</p>
      <ul className="csp-languages__list">
        {OPTIONAL_LANGUAGES.map((code) => {
          const t = byCode.get(code)
          return (
            <li key={code} data-language={code} data-state={!t ? 'none' : t.englishChanged ? 'out-of-date' : live.has(code) ? 'published' : 'draft'}>
              <span lang={code}>{endonym(code)}</span>{' '}
              {!t ? (
                <span>— no translation. <a href={`/admin/collections/${translations}/create`}>Add one</a></span>
              ) : (
                <>
                  — <a href={`/admin/collections/${translations}/${t.id}`}>{state(t)}</a>
                  {t.lastChecked && <>, checked {day(t.lastChecked)}</>}
                  {t.translator && <>, by {t.translator}</>}
                  {t.englishChanged && <strong className="csp-languages__stale"> English changed since: check it again</strong>}
                </>
              )}
            </li>
          )
        })}
      </ul>
    </section>
  )
}

export const NewsLanguages = (props: Props) => LanguagesOf(props, { translations: 'news-translations', parentField: 'story', noun: 'story' })
export const StrategyLanguages = (props: Props) => LanguagesOf(props, { translations: 'strategy-translations', parentField: 'strategy', noun: 'strategy' })
export const ServiceLanguages = (props: Props) => LanguagesOf(props, { translations: 'service-translations', parentField: 'service', noun: 'directory entry' })
export const PriorityLanguages = (props: Props) => LanguagesOf(props, { translations: 'priority-translations', parentField: 'priority', noun: 'priority' })
