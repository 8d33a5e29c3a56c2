/**
 * The admin's server functions that Payload guards less tightly than its REST API. Its
 * schedule-publish function deletes a queued job by id with the Local API's default
 * overrideAccess, checking only that the caller may use the admin — so a partner could cancel an
 * editor's scheduled publish (job ids are sequential). Scheduling and cancelling publishes is the
 * comms team's job: partners never publish. Passed to handleServerFunctions in app/(payload)/layout.tsx.
 */
import { getUpcomingScheduledPublishHandler, schedulePublishHandler } from '@payloadcms/ui/utilities/schedulePublishHandler'
import { Forbidden, type PayloadRequest, type ServerFunction } from 'payload'
import { isStaff } from './index'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each handler has its own argument type
const staffOnly = (handler: ServerFunction<any>): ServerFunction => (args) => {
  const { req } = args as { req: PayloadRequest }
  if (!isStaff(req.user)) throw new Forbidden(req.t)
  return handler(args)
}

export const guardedServerFunctions: Record<string, ServerFunction> = {
  'schedule-publish': staffOnly(schedulePublishHandler),
  'get-upcoming-scheduled-publish': staffOnly(getUpcomingScheduledPublishHandler),
}
