/**
 * The directory's controlled vocabularies. One list each, used by the CMS select fields, the seed
 * schemas, the site's filter pages and the Open Referral taxonomy feed, so a value means the same
 * thing everywhere. Keys are URL slugs (`/support/<category>/`) and must never be renamed lightly.
 */
export const categories = {
  'domestic-abuse': 'Domestic abuse',
  'sexual-violence': 'Sexual violence',
  stalking: 'Stalking and harassment',
  'forced-marriage-honour-abuse': 'Forced marriage and honour-based abuse',
  fgm: 'Female genital mutilation (FGM)',
  'youth-diversion': 'Youth and diversion',
  'drugs-alcohol': 'Drugs and alcohol',
  'antisocial-behaviour': 'Antisocial behaviour',
  'burglary-theft': 'Burglary and theft',
  'hate-crime': 'Hate crime',
  'mental-health': 'Mental health and wellbeing',
  refuge: 'Refuge and safe accommodation',
  housing: 'Housing',
  'legal-advice': 'Legal advice',
  'perpetrator-programmes': 'Programmes for people who harm',
  'victim-support': 'Support after a crime',
  community: 'Community groups and prevention',
} as const

export const audiences = {
  everyone: 'Everyone',
  women: 'Women and girls',
  men: 'Men and boys',
  'lgbt-plus': 'LGBT+ people',
  'children-young-people': 'Children and young people',
  'parents-families': 'Parents and families',
  'people-who-harm': 'People who harm others',
  professionals: 'Professionals and employers',
} as const

export const areas = {
  'barking-and-dagenham': 'Barking and Dagenham',
  bexley: 'Bexley',
  newham: 'Newham',
  redbridge: 'Redbridge',
  london: 'London-wide',
  national: 'England and Wales',
} as const

/**
 * The ONS (GSS) code of each area, as the Open Referral feed publishes it (a statistics.data.gov.uk
 * URI on every service_area) and the import reads it back. Kept beside the areas, so a new area
 * cannot be added without its code.
 */
export const AREA_GSS_CODES: Record<keyof typeof areas, string> = {
  'barking-and-dagenham': 'E09000002',
  bexley: 'E09000004',
  newham: 'E09000025',
  redbridge: 'E09000026',
  london: 'E12000007',
  national: 'K04000001',
}

export const accessModes = {
  phone: 'By phone',
  online: 'Online',
  'drop-in': 'Drop in',
  referral: 'By referral',
  outreach: 'Outreach and group sessions',
} as const

export const organisationTypes = {
  council: 'Council',
  police: 'Police',
  nhs: 'NHS',
  fire: 'Fire service',
  probation: 'Probation',
  charity: 'Charity',
  'community-group': 'Community group',
  government: 'Government or mayoral office',
  education: 'Education',
  other: 'Other',
} as const

export const classifications = {
  public: 'Public',
  restricted: 'Restricted',
  confidential: 'Confidential',
} as const

/**
 * Whether a venue can be entered without steps (a ramp, level entrance or lift). The papers say
 * nothing about it, so "not known" is the honest default, never a guess either way.
 */
export const stepFreeAccess = {
  yes: 'Step-free access',
  no: 'No step-free access',
  unknown: 'Not known',
} as const
export type StepFreeAccess = keyof typeof stepFreeAccess

/**
 * Where a strategy stands with the partnership (separate from publishing on the site). "Interim"
 * is the board pack's own word: Barking and Dagenham's Corporate Strategy Group signed off its
 * VAWG strategy "as interim status" pending the Health and Wellbeing Strategy.
 */
export const strategyStatuses = {
  draft: 'Draft',
  interim: 'Interim',
  adopted: 'Adopted',
  superseded: 'Superseded',
} as const

export type Category = keyof typeof categories
export type Audience = keyof typeof audiences
export type Area = keyof typeof areas
export type AccessMode = keyof typeof accessModes
export type OrganisationType = keyof typeof organisationTypes
export type Classification = keyof typeof classifications
export type StrategyStatus = keyof typeof strategyStatuses

/** `{ label, value }` options for Payload select fields, in the order above. */
export const options = <T extends Record<string, string>>(vocabulary: T) =>
  Object.entries(vocabulary).map(([value, label]) => ({ label, value }))

export const keys = <T extends Record<string, string>>(vocabulary: T) =>
  Object.keys(vocabulary) as [keyof T & string, ...(keyof T & string)[]]
