import type { Access, CollectionBeforeChangeHook, CollectionConfig, CollectionSlug, Field } from 'payload'
import { hiddenFromPartners, nobody, staff, staffField, staffOrPublished } from '../access'
import { editorialVersions } from '../versions'
import { publicRelation, publishesToSite } from '../publishing/site-collections'
import { LANGUAGES, OPTIONAL_LANGUAGES } from '../languages/strings'
import { sharedPreviewLinksField } from '../fields/shared-preview-links'
import { englishChangedSince, oneTranslationPerLanguage, recordEnglishSeen, type EnglishSide } from './hooks'

type Options = EnglishSide & {
  slug: CollectionSlug
  labels: { singular: string; plural: string }
  /** Label of the relationship to the English document ("English story"). */
  parentLabel: string
  /** The translated fields, as people read them; everything else stays the English document's. */
  fields: Field[]
  description: string
  /** The translated field the admin titles a translation by: 'title' unless the English calls it otherwise ('name'). */
  titleField?: string
  /** Who reads what: staffOrPublished unless a kind narrows it further (service translations). */
  read?: Access
  /** Checks of this kind's own, run before the shared ones (a refuge's location in a service translation). */
  beforeChange?: CollectionBeforeChangeHook[]
  /**
   * True when the English document must stay free to leave the site at once whatever its
   * translations do: unpublishing or deleting it is never refused because a translation is live
   * (a closed support service). Its translations are then only built while it is live.
   */
  englishLeavesFreely?: boolean
}

/**
 * A document in one language other than English (issue 20, phase B), for any kind of document:
 * its own record with its own drafts and publish state, so publishing the Polish version leaves the
 * English document and every other language alone, and an unpublished translation is a draft the
 * public API never returns (staffOrPublished, as for the English). Written by people: nothing here
 * is ever machine-translated. One builder so that news, strategies, priorities and directory
 * entries share one set of rules (one per language, publish refused while the English is a draft,
 * translator credit, "last checked", the server's "English changed since") rather than four copies
 * that drift apart; a kind says only how it differs (directory entries: `englishLeavesFreely`, a
 * narrower `read`, its own checks). README "Languages" says why this is a collection and not
 * Payload's field localisation.
 */
export function translationsOf({ slug, labels, parentLabel, fields, description, titleField = 'title', read = staffOrPublished, beforeChange = [], englishLeavesFreely = false, ...side }: Options): CollectionConfig {
  return {
    slug,
    labels,
    admin: {
      hidden: hiddenFromPartners,
      useAsTitle: titleField,
      defaultColumns: [titleField, 'language', side.parentField, '_status', 'lastChecked', 'englishChanged'],
      group: 'Content',
      description,
    },
    access: { read, readVersions: staff, create: staff, update: staff, delete: staff },
    versions: editorialVersions,
    hooks: publishesToSite({ beforeChange: [...beforeChange, oneTranslationPerLanguage(side), recordEnglishSeen(side)] }),
    defaultSort: '-updatedAt',
    fields: [
      publicRelation({
        name: side.parentField,
        label: parentLabel,
        type: 'relationship',
        relationTo: side.of,
        required: true,
        index: true,
        // Read by cms/publishing/consistency.ts: this relation never holds the English back.
        ...(englishLeavesFreely ? { custom: { neverHoldsBack: true } } : {}),
      }),
      {
        name: 'language',
        type: 'select',
        required: true,
        index: true,
        options: OPTIONAL_LANGUAGES.map((code) => ({ label: `${LANGUAGES.find((l) => l.code === code)!.endonym} (${code})`, value: code })),
      },
      ...fields,
      {
        name: 'translator',
        label: 'Translated by',
        type: 'text',
        required: true,
        admin: { position: 'sidebar', description: 'Shown on the page, e.g. “Newham Council translation team”. A person’s name only with their agreement.' },
      },
      {
        name: 'lastChecked',
        label: 'Last checked against the English',
        type: 'date',
        required: true,
        admin: { position: 'sidebar', date: { pickerAppearance: 'dayOnly' }, description: `Set it each time a translator checks this version against the English ${side.noun}.` },
      },
      // A fingerprint of the English text at the last check (hooks.ts); set by the server only.
      { name: 'englishChecked', type: 'text', access: { read: staffField, create: nobody as never, update: nobody as never }, admin: { hidden: true } },
      {
        name: 'englishChanged',
        label: 'English changed since',
        type: 'checkbox',
        virtual: true,
        access: { read: staffField },
        admin: { position: 'sidebar', readOnly: true, description: `The English ${side.noun}’s text was republished with changes after this translation was last checked.` },
        hooks: { afterRead: [englishChangedSince(side)] },
      },
      // A draft translation previews as its /<language>/… page (scripts/lib/preview/); staff may share that preview.
      sharedPreviewLinksField,
    ],
  }
}

/** The English document's sidebar field listing its languages (cms/components/translations/Languages.tsx). */
export const languagesPanel = (component: string): Field => ({ name: 'languages', type: 'ui', admin: { position: 'sidebar', components: { Field: `/components/translations/Languages#${component}` } } })
