/**
 * A web address we store, publish and link to: http(s), written out in full ("https://…"), no
 * spaces, and one the URL parser accepts. "www.example.org", "http:example.org" and
 * "javascript:…" are not. The CMS validator, the seed format, the site's links, the rich-text
 * renderer and the Open Referral feed and import all ask this one question.
 */
export const isWebAddress = (value: unknown): value is string => {
  if (typeof value !== 'string' || !/^https?:\/\/\S+$/i.test(value)) return false
  try {
    new URL(value)
    return true
  } catch {
    return false
  }
}

/** A web address that starts https:// (the quick exit must never send anyone over plain http). */
export const isSecureWebAddress = (value: unknown): value is string => isWebAddress(value) && /^https:/i.test(value)
