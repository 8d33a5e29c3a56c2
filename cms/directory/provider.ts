/**
 * Who provides a directory entry. Some papers describe a service without naming its provider
 * (Barking and Dagenham's VAWG strategy lists several "without naming the provider"); a guessed
 * organisation would send residents to the wrong place and give the wrong partners the right to
 * edit it. So an entry either names the organisation that runs it, or says explicitly that its
 * source does not name one — never neither, never both. One rule for the CMS, the seed format,
 * the site and the Open Referral feed.
 */

/** What residents read where a provider would be shown. */
export const PROVIDER_NOT_NAMED = 'Provider not named in the source'

export type ProviderProblem = { kind: 'missing' | 'both'; path: 'organisation' | 'providerNotNamed'; message: string }

/** Why an entry's provider is not stated properly, or null when it is. */
export function providerProblem(organisation: unknown, providerNotNamed: boolean): ProviderProblem | null {
  const hasOrganisation = organisation !== undefined && organisation !== null && organisation !== ''
  if (hasOrganisation && providerNotNamed)
    return {
      kind: 'both',
      path: 'providerNotNamed',
      message: `Choose one: an organisation runs this service, or "${PROVIDER_NOT_NAMED}". Untick it, or clear the organisation.`,
    }
  if (!hasOrganisation && !providerNotNamed)
    return {
      kind: 'missing',
      path: 'organisation',
      message: `Choose the organisation that runs this service, or tick "${PROVIDER_NOT_NAMED}" if the source does not say who provides it. Never guess.`,
    }
  return null
}
