/**
 * "Each partnership page shows how to reach the partnership" and the like: untrue (a partnership's
 * page links to its website only where it has given one), so the accessibility statement and the
 * privacy notice must not say it. Shared by the source test and the built-page test.
 */
export const PARTNERSHIP_CONTACT_CLAIM =
  /(every|each|all|its|their)\s+(community safety\s+)?partnership('s)?\s+pages?\s+(shows?|gives?|has|have|lists?)\b|through the (contact )?details on (its|their|the) partnership page/i

/** Text as a reader sees it, on one line, with typographic quotes made plain. */
export const plain = (text: string) => text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim()
