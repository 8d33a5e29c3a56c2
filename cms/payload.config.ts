/**
 * The CMS. Everything that decides who can see what lives here, in access/ and in each
 * collection's folder (collections/<slug>/access.ts), so the REST API, the admin and the site
 * build (Local API, no user) all obey the same rules.
 */
import path from 'node:path'
import { buildConfig, type Migration, type PayloadRequest } from 'payload'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import sharp from 'sharp'
import { isStaff } from './access'
import { guardDocumentLocks } from './access/document-locks'
import { databaseAdapter } from './database'
import { resolveSecret } from './secret'
import { projectRoot } from './paths'
import { AgendaItems } from './collections/agenda-items'
import { Media, MEDIA_MAX_BYTES } from './collections/media'
import { Meetings } from './collections/meetings'
import { News } from './collections/news'
import { NewsTranslations } from './collections/news-translations'
import { StrategyTranslations } from './collections/strategy-translations'
import { PriorityTranslations } from './collections/priority-translations'
import { ServiceTranslations } from './collections/service-translations'
import { Organisations } from './collections/organisations'
import { Partnerships } from './collections/partnerships'
import { Priorities } from './collections/priorities'
import { Recommendations } from './collections/recommendations'
import { Reviews } from './collections/reviews'
import { reviewWindowTask } from './reviews/window-task'
import { Services } from './collections/services'
import { Strategies } from './collections/strategies'
import { Users } from './collections/users'
import { Languages } from './collections/languages'
import { SiteBuilds } from './collections/site-builds'
import { Backups } from './collections/backups'
import { PreviewLinks } from './collections/preview-links'
import { livePreview } from './preview/live-preview'
import { backupBeforeMigrating, backupTask } from './backups/job'
import { Emails } from './collections/emails'
import { emailSettings, mailStatus } from './email/config'
import { queuedEmailAdapter } from './email/queue'
import { sendEmailTask } from './email/task'
import { editorDigestTask, partnerRemindersTask } from './email/reminders'
import { SiteSettings } from './globals/site-settings'
import { ensureFirstAdmin } from './hooks/firstAdmin'
import { recordStartup } from './publishing/run-build'
import { siteBuilder } from './publishing/hooks'
import { migrations } from './migrations'
import { openReferralEndpoints } from './openreferral/endpoints'
import { dropAnonymousCacheOnWrites } from './cache/drop-on-write'

// Payload refuses to start outside production when any @payloadcms package's version differs from
// payload's. @payloadcms/email-nodemailer's newest release is 3.90.1 (payload is 3.90.2; there is no
// 3.90.2 of it), so Payload's check is off and ours runs instead: every other @payloadcms package
// must match payload exactly (cms/email/versions.test.ts).
process.env.PAYLOAD_DISABLE_DEPENDENCY_CHECKER ??= 'true'

/** Comma-separated origins, e.g. "https://admin.example.org,https://www.example.org". */
const originList = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean)

const staffJobs = ({ req }: { req: PayloadRequest }) => isStaff(req.user)

const serverURL = process.env.CMS_PUBLIC_URL || `http://localhost:${process.env.CMS_PORT || 3000}`
const allowedOrigins = [serverURL, ...originList(process.env.CORS_ORIGINS)]

export default buildConfig({
  secret: resolveSecret(),
  // A database with pending migrations is copied to BACKUP_DIR before they run (cms/backups).
  db: backupBeforeMigrating(databaseAdapter()),
  editor: lexicalEditor(),
  sharp,
  serverURL,
  cors: allowedOrigins,
  csrf: allowedOrigins,
  graphQL: { disable: true },
  admin: {
    user: 'users',
    meta: { titleSuffix: ' — CSP Hub' },
    // Payload's default avatar is Gravatar: a request to a third party for every signed-in user.
    avatar: 'default',
    // Issue 18: the draft as the public site will show it, beside the form.
    livePreview,
    components: {
      views: {
        review: { Component: '/components/ReviewQueue#ReviewQueue', path: '/review' },
        invite: { Component: '/components/email/InviteUser#InviteUser', path: '/invite' },
      },
      afterNavLinks: ['/components/ReviewNavLink#ReviewNavLink', '/components/email/InviteNavLink#InviteNavLink'],
      beforeDashboard: ['/components/SiteStatus#SiteStatus', '/components/ReviewBanner#ReviewBanner'],
    },
    importMap: { baseDir: path.join(projectRoot, 'cms'), importMapFile: path.join(projectRoot, 'cms', 'app', '(payload)', 'admin', 'importMap.js') },
  },
  // Each collection says in its own config whether the public site is built from it (hooks: publishesToSite).
  collections: [Partnerships, Organisations, Strategies, StrategyTranslations, Priorities, PriorityTranslations, Services, ServiceTranslations, News, NewsTranslations, Meetings, AgendaItems, Reviews, Recommendations, Media, Languages, Users, SiteBuilds, Backups, Emails, PreviewLinks],
  globals: [SiteSettings],
  endpoints: openReferralEndpoints,
  upload: { limits: { fileSize: MEDIA_MAX_BYTES } },
  // Every email is a job on the 'email' queue (cms/email): SMTP_URL, or the outbox folder without it.
  email: queuedEmailAdapter(emailSettings()),
  jobs: {
    // Runs scheduled publishes (and later, site rebuilds) inside the CMS process; and any email
    // not sent at once (a retry after SMTP failed).
    autoRun: [
      { cron: '* * * * *', queue: 'default' },
      { cron: '* * * * *', queue: 'email' },
    ],
    shouldAutoRun: () => process.env.CSP_HUB_JOBS !== 'off',
    // Payload lets any signed-in user queue, run and cancel jobs (scheduled publishes among them)
    // unless told otherwise: that is the comms team's work. The CMS's own cron needs no user.
    access: { queue: staffJobs, run: staffJobs, cancel: staffJobs },
    // Nightly backup (cms/backups). autoRun's cron also queues scheduled tasks of its queue.
    tasks: [backupTask, sendEmailTask, partnerRemindersTask, editorDigestTask, reviewWindowTask],
  },
  typescript: { outputFile: path.join(projectRoot, 'cms', 'payload-types.ts') },
  onInit: async (payload) => {
    // Production runs migrations in the adapter (prodMigrations). Everywhere else run the same
    // committed migrations here, before anything reads, so dev, tests and production share one schema.
    if (process.env.NODE_ENV !== 'production' && payload.db.name === 'sqlite') await payload.db.migrate({ migrations: migrations as Migration[] })
    await ensureFirstAdmin(payload)
    const mail = mailStatus(emailSettings())
    if (mail) payload.logger[process.env.NODE_ENV === 'production' ? 'warn' : 'info'](mail)
    if (process.env.CSP_HUB_PUBLISH === 'on') {
      await recordStartup(payload)
      siteBuilder(payload) // and with it the first publish's build, held ready (run-build.ts)
    }
  },
  telemetry: false,
})
  .then(guardDocumentLocks)
  .then(dropAnonymousCacheOnWrites)
