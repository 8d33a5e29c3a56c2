import type { GlobalConfig } from 'payload'
import { admins, anyone, hiddenFromNonAdmins, isAdmin } from '../../access'
import { emailAddress, webAddress } from '../../fields/validators'
import { isSecureWebAddress } from '../../rules'
import { settingsChanged } from '../../publishing/hooks'
import { DEFAULT_PUBLICATION_WINDOW_MONTHS } from '../../reviews/rules'
import { LANGUAGES, OPTIONAL_LANGUAGES } from '../../languages/strings'

export const DEFAULT_QUICK_EXIT_URL = 'https://www.bbc.co.uk/weather'

export const SiteSettings: GlobalConfig = {
  slug: 'site-settings',
  admin: { group: 'Admin', hidden: hiddenFromNonAdmins },
  access: { read: anyone, update: admins },
  // Every page shows the settings: a saved change rebuilds the site.
  hooks: { afterChange: [settingsChanged] },
  fields: [
    { name: 'siteName', type: 'text', required: true, defaultValue: 'CSP Hub' },
    {
      name: 'quickExitUrl',
      label: 'Quick exit destination',
      type: 'text',
      required: true,
      defaultValue: DEFAULT_QUICK_EXIT_URL,
      validate: (value: unknown) => {
        const ok = webAddress(value)
        if (ok !== true) return ok
        return isSecureWebAddress(value) ? true : 'The quick exit must go to an https:// address.'
      },
      admin: { description: 'A harmless, common page the quick exit button opens instead of this site.' },
    },
    {
      name: 'emergencyMessage',
      type: 'textarea',
      required: true,
      defaultValue: 'If you are in danger now, call 999. If you cannot speak, call 999 and press 55 when prompted.',
    },
    {
      name: 'contact',
      label: 'Site contact',
      type: 'group',
      admin: {
        description:
          'Where residents send feedback and accessibility requests about this website. Shown in every page footer when set; leave empty rather than guess.',
      },
      fields: [
        { name: 'email', type: 'text', validate: emailAddress },
        { name: 'url', label: 'Contact page', type: 'text', validate: webAddress },
      ],
    },
    {
      name: 'reviews',
      label: 'Domestic homicide reviews',
      type: 'group',
      fields: [
        {
          name: 'publicationWindowMonths',
          label: 'Publication window (months)',
          type: 'number',
          required: true,
          min: 1,
          max: 120,
          defaultValue: DEFAULT_PUBLICATION_WINDOW_MONTHS,
          admin: { description: 'How long a published review’s report stays on the site; then it is available on request.' },
        },
        {
          name: 'howToRequest',
          label: 'How to ask for a review no longer on the site',
          type: 'textarea',
          admin: { description: 'Shown on such a review’s page. Left empty, the page gives the commissioning partnership’s contact, or says to contact the partnership.' },
        },
      ],
    },
    {
      // Issue 20: a language goes live only when an admin switches it on here (the whole global is
      // admins-only to update; the field says so again so no later change to the global loosens it).
      name: 'languages',
      label: 'Languages the site offers besides English',
      type: 'select',
      hasMany: true,
      options: OPTIONAL_LANGUAGES.map((code) => {
        const l = LANGUAGES.find((x) => x.code === code)!
        return { label: `${l.endonym} (${code})`, value: code }
      }),
      // Shipped on: without them the crisis path is English-only. Their strings are marked "not yet checked" (README, Languages).
      defaultValue: [...OPTIONAL_LANGUAGES],
      access: { update: ({ req }) => isAdmin(req.user) },
      admin: { description: 'English is always on. A language switched on here gets its own pages (/bn/, /ur/ …) at the next build, with the interface strings from Website → Languages.' },
    },
    {
      name: 'alert',
      type: 'group',
      fields: [
        { name: 'enabled', type: 'checkbox', defaultValue: false },
        { name: 'message', type: 'textarea' },
      ],
    },
  ],
}
