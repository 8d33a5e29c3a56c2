import type { GlobalConfig } from 'payload'
import { admins, anyone, hiddenFromNonAdmins } from '../../access'
import { emailAddress, webAddress } from '../../fields/validators'
import { isSecureWebAddress } from '../../rules'
import { settingsChanged } from '../../publishing/hooks'

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
      name: 'alert',
      type: 'group',
      fields: [
        { name: 'enabled', type: 'checkbox', defaultValue: false },
        { name: 'message', type: 'textarea' },
      ],
    },
  ],
}
