/**
 * The document's "API" view (its raw JSON), for the comms team only. A partner's tab is hidden
 * (partner-edit.ts); one who types the address is sent back to the form. Their REST access is
 * unchanged: this is about what the admin shows, not what they may read.
 */
import { redirect } from 'next/navigation'
import type { DocumentViewServerProps } from 'payload'
import { formatAdminURL } from 'payload/shared'
// Payload renders this view itself when none is configured, but does not export it: the file its
// own document view imports (@payloadcms/next 3.90). An upgrade that moves it fails the admin
// build, and tests/e2e/partner-admin.e2e.test.ts checks an editor still gets the view.
import { APIView } from '../../node_modules/@payloadcms/next/dist/views/API/index.js'
import { isPartner } from '../access'

export function APIViewForStaff(props: DocumentViewServerProps) {
  if (isPartner(props.user)) {
    const adminRoute = props.payload.config.routes.admin
    redirect(formatAdminURL({ adminRoute, path: `/${props.routeSegments.slice(0, -1).join('/')}` }))
  }
  return <APIView {...props} />
}
