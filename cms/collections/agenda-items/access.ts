import type { Access, Where } from 'payload'
import { isStaff } from '../../access'

/**
 * Agenda items: staff see every classification; everyone else only public items of published
 * meetings. Restricted and confidential papers never leave the database for an anonymous caller.
 */
const publicItemsOfPublishedMeetings: Where = {
  and: [{ classification: { equals: 'public' } }, { 'meeting._status': { equals: 'published' } }],
}
export const agendaItemsRead: Access = ({ req }) => (isStaff(req.user) ? true : publicItemsOfPublishedMeetings)
