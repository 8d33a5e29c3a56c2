/**
 * The site's zod schemas and the Open Referral mapping name only fields the CMS has: their shapes
 * are checked against the types Payload generates (cms/payload-types.ts) with `satisfies
 * FieldsOf<…>` (site/schemas/common.ts) and Pick<Service, …> (cms/openreferral/map.ts). This file
 * is part of `npm run typecheck` (tests/unit/typecheck.test.ts), which brings every site schema
 * into the checked program; the `@ts-expect-error` fixtures below prove that a misspelt or removed
 * field is a type error (were it not, the directive itself would fail the check).
 */
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import type { OrganisationRecord, ServiceRecord } from '../../cms/openreferral/map'
import type { MappedService } from '../../cms/openreferral/from-hsds'
import type { Service } from '../../cms/payload-types'
import * as schemas from '../../site/schemas'
import type { FieldsOf } from '../../site/schemas'

describe('schemas typed against the generated Payload types', () => {
  it('refuse a field the CMS does not have, at the top level and in a group', () => {
    const misspelt = z.object({
      name: z.string(),
      // @ts-expect-error -- "howToAcess" is not a field of Service
      howToAcess: z.string(),
    } satisfies FieldsOf<Service>)
    const inGroup = z.object({
      phone: z.string(),
      // @ts-expect-error -- services have no contact.fax
      fax: z.string(),
    } satisfies FieldsOf<Service['contact']>)
    expect(Object.keys(misspelt.shape)).toEqual(['name', 'howToAcess'])
    expect(Object.keys(inGroup.shape)).toEqual(['phone', 'fax'])
  })

  it('refuse a field the CMS has removed', () => {
    // A collection without howToAccess, as if it had been removed: every schema naming it stops compiling.
    const removed = z.object({
      name: z.string(),
      // @ts-expect-error -- not a field any more
      howToAccess: z.string(),
    } satisfies FieldsOf<Omit<Service, 'howToAccess'>>)
    expect(removed.shape).toHaveProperty('howToAccess')
  })

  it('type the Open Referral records from the same generated types', () => {
    const organisation: OrganisationRecord = { name: 'Example Charity', type: 'charity' }
    const service: ServiceRecord = {
      name: 'Helpline',
      description: 'Support.',
      organisation,
      // @ts-expect-error -- "openingTimes" is not a field of Service (it is openingHours)
      openingTimes: 'Weekdays',
    }
    // @ts-expect-error -- "knitting" is not one of the CMS's categories
    const wrongCategory: ServiceRecord = { name: 'Helpline', description: 'Support.', categories: ['knitting'] }
    // @ts-expect-error -- an imported entry must say what it is called and what it does
    const incomplete: Pick<MappedService, 'name' | 'description'> = { name: 'Helpline' }
    expect([service.name, wrongCategory.name, incomplete.name]).toEqual(['Helpline', 'Helpline', 'Helpline'])
  })

  it('cover every schema the site loads (all of them are in this checked program)', () => {
    for (const name of ['organisationSchema', 'partnershipSchema', 'strategySchema', 'prioritySchema', 'measureSchema', 'serviceSchema', 'newsSchema', 'meetingSchema', 'agendaItemSchema', 'siteSettingsSchema', 'languageSchema'])
      expect(schemas, name).toHaveProperty(name)
  })
})
