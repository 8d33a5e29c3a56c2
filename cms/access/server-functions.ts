/**
 * The admin's server functions that Payload guards less tightly than its REST API. Its
 * schedule-publish function deletes a queued job by id with the Local API's default
 * overrideAccess, checking only that the caller may use the admin — so a partner could cancel an
 * editor's scheduled publish (job ids are sequential). Scheduling and cancelling publishes is the
 * comms team's job: partners never publish. Passed to handleServerFunctions in app/(payload)/layout.tsx.
 */
import { getUpcomingScheduledPublishHandler, schedulePublishHandler } from '@payloadcms/ui/utilities/schedulePublishHandler'
import { Forbidden, type ServerFunction } from 'payload'
import { isStaff } from './index'

/** Each handler has its own arguments; the guard reads only the request they all carry. */
const staffOnly =
  <Args extends object, Result>(handler: ServerFunction<Args, Result>): ServerFunction =>
  (args) => {
    if (!isStaff(args.req.user)) throw new Forbidden(args.req.t)
    return handler(args as Parameters<typeof handler>[0])
  }

export const guardedServerFunctions: Record<string, ServerFunction> = {
  'schedule-publish': staffOnly(schedulePublishHandler),
  'get-upcoming-scheduled-publish': staffOnly(getUpcomingScheduledPublishHandler),
}
