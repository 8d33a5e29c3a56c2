/** Something@somewhere.tld, with no spaces: the CMS, the seed format and the Open Referral feed and import. */
export const isEmailAddress = (value: unknown): value is string => typeof value === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)
