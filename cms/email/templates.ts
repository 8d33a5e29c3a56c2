/**
 * Every email the CMS sends, as plain text and simple HTML built from the same blocks. No images,
 * no tracking, no styles beyond a few inline basics, and links only to the CMS's own address
 * (`base`): a link anywhere else is refused when the message is built. All interpolated text is
 * escaped. Nothing restricted goes in: entry names, decisions and an editor's note to the partner.
 */

export type Link = { href: string; label: string }
export type Block = string | { link: Link } | { items: { text: string; link?: Link }[] }
export type Email = { subject: string; text: string; html: string }

export const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

const SIGN_OFF = 'CSP Hub — the Community Safety Partnership directory and website'

/** Builds a message; every link must start with `base` (the CMS's public address). */
export function compose(base: string, subject: string, blocks: Block[]): Email {
  const own = (href: string) => {
    const root = base.replace(/\/+$/, '')
    if (href !== root && !href.startsWith(`${root}/`)) throw new Error(`Emails link only to the CMS (${root}), not ${href}`)
    return href
  }
  const text: string[] = []
  const html: string[] = []
  for (const block of blocks) {
    if (typeof block === 'string') {
      text.push(block)
      html.push(`<p>${escapeHtml(block)}</p>`)
    } else if ('link' in block) {
      const href = own(block.link.href)
      text.push(`${block.link.label}:\n${href}`)
      html.push(`<p><a href="${escapeHtml(href)}">${escapeHtml(block.link.label)}</a></p>`)
    } else {
      text.push(block.items.map((item) => `- ${item.text}${item.link ? `\n  ${own(item.link.href)}` : ''}`).join('\n'))
      html.push(
        `<ul>${block.items.map((item) => `<li>${item.link ? `<a href="${escapeHtml(own(item.link.href))}">${escapeHtml(item.text)}</a>` : escapeHtml(item.text)}</li>`).join('')}</ul>`,
      )
    }
  }
  text.push(`--\n${SIGN_OFF}`)
  html.push(`<p>—<br>${escapeHtml(SIGN_OFF)}</p>`)
  return {
    subject,
    text: text.join('\n\n') + '\n',
    html:
      `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>` +
      `<body style="font-family: sans-serif; font-size: 16px; line-height: 1.5; max-width: 40em">${html.join('\n')}</body></html>`,
  }
}

const root = (base: string) => base.replace(/\/+$/, '')
export const adminUrl = (base: string, path: string) => `${root(base)}/admin${path}`

const ROLE_NAMES: Record<string, string> = { admin: 'an administrator', editor: 'an editor (comms team)', partner: 'a partner' }

export function invitationEmail(o: { base: string; token: string; name: string; role: string; organisation?: string | null; invitedBy: string; hours: number }): Email {
  const what = o.organisation ? `${ROLE_NAMES[o.role] ?? o.role} for ${o.organisation}` : (ROLE_NAMES[o.role] ?? o.role)
  return compose(o.base, 'You are invited to CSP Hub', [
    `Hello ${o.name},`,
    `${o.invitedBy} has invited you to CSP Hub as ${what}.`,
    'To accept, choose your own password with this link. It works once and expires in ' + `${o.hours} hours.`,
    { link: { href: adminUrl(o.base, `/reset/${o.token}`), label: 'Choose your password' } },
    `After that, sign in at ${adminUrl(o.base, '/login')} with this email address.`,
    'If you were not expecting this, ignore this email: no account can be used until a password is chosen.',
  ])
}

export function resetEmail(o: { base: string; token: string; minutes: number }): Email {
  return compose(o.base, 'Reset your CSP Hub password', [
    'Someone asked to reset the password of the CSP Hub account for this email address.',
    `If it was you, choose a new password with this link. It works once and expires in ${o.minutes} minutes.`,
    { link: { href: adminUrl(o.base, `/reset/${o.token}`), label: 'Choose a new password' } },
    'If it was not you, ignore this email: your password has not changed.',
  ])
}

export type Decision = 'published' | 'changes-requested'

export function decisionEmail(o: { base: string; entryName: string; decision: Decision; note?: string | null; editPath: string }): Email {
  const published = o.decision === 'published'
  return compose(o.base, published ? `Published: ${o.entryName}` : `Changes requested: ${o.entryName}`, [
    published
      ? `An editor has published your changes to “${o.entryName}”. They are now on the public site.`
      : `An editor has asked for changes to “${o.entryName}” before it can be published.`,
    ...(o.note?.trim() ? [`The editor’s note: ${o.note.trim()}`] : published ? [] : ['The editor left no note.']),
    { link: { href: adminUrl(o.base, o.editPath), label: published ? 'See the entry' : 'Open the entry to make the changes' } },
  ])
}

export type DueEntry = { name: string; id: number | string; confirmedOn?: string | null }

const dueLine = (base: string, e: DueEntry): { text: string; link: Link } => ({
  text: `${e.name} — ${e.confirmedOn ? `last confirmed ${formatDay(e.confirmedOn)}` : 'never confirmed'}`,
  link: { href: adminUrl(base, `/collections/services/${e.id}`), label: e.name },
})

export const formatDay = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })

/** A reminder's month as people say it: “November 2026” (the key stays 2026-11, reminders.ts). */
export const monthLabel = (now: Date) => now.toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })

/** An ISO week as people say it: “the week of 23 November 2026”, its Monday (the key stays 2026-W48). */
export function weekLabel(now: Date): string {
  const monday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7))
  return `the week of ${formatDay(monday.toISOString())}`
}

export function partnerDigestEmail(o: { base: string; organisation: string; period: string; entries: DueEntry[] }): Email {
  const n = o.entries.length
  return compose(o.base, `${n} directory ${n === 1 ? 'entry is' : 'entries are'} due for their six-monthly check — ${o.organisation}`, [
    `These ${o.organisation} entries in the support directory have not been confirmed for six months or more. Residents rely on them being right.`,
    { items: o.entries.map((e) => dueLine(o.base, e)) },
    'For each one: open it, sign in if asked, and either press “Confirm still correct” if nothing has changed, or edit it and submit it for review.',
    { link: { href: adminUrl(o.base, '/review'), label: 'All your entries' } },
    `You get this reminder once a month (${o.period}) while entries are due.`,
  ])
}

export function editorDigestEmail(o: { base: string; period: string; pending: { name: string; id: number | string; collection: string }[]; orphaned: (DueEntry & { organisation: string })[] }): Email {
  return compose(o.base, `Review queue: ${o.pending.length} waiting, ${o.orphaned.length} overdue with nobody to remind`, [
    o.pending.length ? `${o.pending.length} partner submission${o.pending.length === 1 ? ' is' : 's are'} waiting for review:` : 'No partner submissions are waiting for review.',
    ...(o.pending.length ? [{ items: o.pending.map((p) => ({ text: p.name, link: { href: adminUrl(o.base, `/collections/${p.collection}/${p.id}`), label: p.name } })) }] : []),
    o.orphaned.length
      ? 'These entries are due for their six-monthly check and their organisation has no active user to remind, so they need you:'
      : 'No overdue entry is without someone to remind.',
    ...(o.orphaned.length ? [{ items: o.orphaned.map((e) => ({ ...dueLine(o.base, e), text: `${dueLine(o.base, e).text} (${e.organisation})` })) }] : []),
    { link: { href: adminUrl(o.base, '/review'), label: 'Open the review queue' } },
    `Weekly digest for ${o.period}.`,
  ])
}
