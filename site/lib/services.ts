/**
 * Directory helpers: how a resident can reach a service when it publishes no contact details, and
 * the vocabularies the directory filters by. Never guesses a number: a wrong one can put someone
 * in danger.
 */
import { isWebAddress } from '../../cms/rules'
import { accessModes, areas, audiences, categories } from '../../cms/taxonomy'

type ServiceLike = {
  name: string
  contact: { phone?: string; email?: string; website?: string; address?: string }
  howToAccess?: string
}
type OrganisationLike = { name?: string; website?: string | null } | undefined

export type HowToFind =
  | { kind: 'contact' }
  | { kind: 'how-to-access'; text: string }
  | { kind: 'organisation-website'; url: string; name: string }
  | { kind: 'generic'; text: string }

export const hasContact = (s: ServiceLike) => Boolean(s.contact.phone || s.contact.email || s.contact.website || s.contact.address)

/** Only web addresses (cms/rules/web-address.ts) become links; anything else from the CMS is shown as text, if at all. */
export { isWebAddress }

export function howToFind(service: ServiceLike, organisation: OrganisationLike): HowToFind {
  if (hasContact(service)) return { kind: 'contact' }
  if (service.howToAccess) return { kind: 'how-to-access', text: service.howToAccess }
  if (isWebAddress(organisation?.website)) return { kind: 'organisation-website', url: organisation.website, name: organisation.name ?? 'the organisation that runs it' }
  // With no named provider there is no organisation to search for: only the service's own name.
  const searchFor = organisation?.name ? `“${service.name}” or “${organisation.name}”` : `“${service.name}”`
  return {
    kind: 'generic',
    text:
      `This service has not published contact details for this directory. To reach it, search online for ${searchFor}, ` +
      'or ask your council’s community safety team, your GP or a support worker to put you in touch.',
  }
}

/** Telephone link target: digits and a leading + only. */
export const telHref = (phone: string) => `tel:${phone.replace(/\(0\)/g, '').replace(/[^\d+]/g, '')}`

export type FilterPage = ReturnType<typeof filterPages>[number]

/** Category, audience and area pages share /support/<key>/; the keys must never collide. */
export function filterPages() {
  const pages = [
    ...Object.entries(categories).map(([key, label]) => ({ key, label, kind: 'category' as const })),
    ...Object.entries(audiences).map(([key, label]) => ({ key, label, kind: 'audience' as const })),
    ...Object.entries(areas).map(([key, label]) => ({ key, label, kind: 'area' as const })),
  ]
  const seen = new Set<string>()
  for (const p of pages) {
    if (seen.has(p.key)) throw new Error(`Taxonomy key "${p.key}" is used twice in the taxonomy (categories, audiences, areas): /support/${p.key}/ would be ambiguous.`)
    seen.add(p.key)
  }
  return pages
}

export { accessModes, areas, audiences, categories }
