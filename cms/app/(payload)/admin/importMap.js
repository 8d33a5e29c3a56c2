import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SharedPreviewLinks as SharedPreviewLinks_336b797e5a43a659a0f8f8e0affffdb0 } from '../../../components/preview/SharedPreviewLinks'
import { ReviewNoteForPartner as ReviewNoteForPartner_3f0c931b275a99fb5e5ac7c41b18b867 } from '../../../components/DocumentControlsForRole'
import { PublishOrSubmitForReview as PublishOrSubmitForReview_3f0c931b275a99fb5e5ac7c41b18b867 } from '../../../components/DocumentControlsForRole'
import { SaveDraftUnlessPartner as SaveDraftUnlessPartner_3f0c931b275a99fb5e5ac7c41b18b867 } from '../../../components/DocumentControlsForRole'
import { UnpublishUnlessPartner as UnpublishUnlessPartner_3f0c931b275a99fb5e5ac7c41b18b867 } from '../../../components/DocumentControlsForRole'
import { APIViewForStaff as APIViewForStaff_778809bedb418179ccca4ef9091183b4 } from '../../../components/APIViewForStaff'
import { StrategyLanguages as StrategyLanguages_6b5d906abfbff6ae2ef800841913960e } from '../../../components/translations/Languages'
import { PriorityLanguages as PriorityLanguages_6b5d906abfbff6ae2ef800841913960e } from '../../../components/translations/Languages'
import { ConfirmStillCorrect as ConfirmStillCorrect_eb1e94f26b00cfa34b1582342791ddbe } from '../../../components/email/ConfirmStillCorrect'
import { ServiceLanguages as ServiceLanguages_6b5d906abfbff6ae2ef800841913960e } from '../../../components/translations/Languages'
import { NewsLanguages as NewsLanguages_6b5d906abfbff6ae2ef800841913960e } from '../../../components/translations/Languages'
import { ResendInvitation as ResendInvitation_47b7e730dffbd0b164852d70967c66bd } from '../../../components/email/ResendInvitation'
import { ReviewNavLink as ReviewNavLink_8169753a6db803575ef067734d8f1ff8 } from '../../../components/ReviewNavLink'
import { InviteNavLink as InviteNavLink_bb4cc188b7e120e89a1efa44a4b31772 } from '../../../components/email/InviteNavLink'
import { SiteStatus as SiteStatus_b554d51c40ca051cb980537ecf50af1c } from '../../../components/SiteStatus'
import { ReviewBanner as ReviewBanner_e2d1256a1956fd9f7afb8ba523458989 } from '../../../components/ReviewBanner'
import { ReviewQueue as ReviewQueue_0a3ae08271ef03452a037534f819af9a } from '../../../components/ReviewQueue'
import { InviteUser as InviteUser_afa710343f0430308c6e02ca022c8954 } from '../../../components/email/InviteUser'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/components/preview/SharedPreviewLinks#SharedPreviewLinks": SharedPreviewLinks_336b797e5a43a659a0f8f8e0affffdb0,
  "/components/DocumentControlsForRole#ReviewNoteForPartner": ReviewNoteForPartner_3f0c931b275a99fb5e5ac7c41b18b867,
  "/components/DocumentControlsForRole#PublishOrSubmitForReview": PublishOrSubmitForReview_3f0c931b275a99fb5e5ac7c41b18b867,
  "/components/DocumentControlsForRole#SaveDraftUnlessPartner": SaveDraftUnlessPartner_3f0c931b275a99fb5e5ac7c41b18b867,
  "/components/DocumentControlsForRole#UnpublishUnlessPartner": UnpublishUnlessPartner_3f0c931b275a99fb5e5ac7c41b18b867,
  "/components/APIViewForStaff#APIViewForStaff": APIViewForStaff_778809bedb418179ccca4ef9091183b4,
  "/components/translations/Languages#StrategyLanguages": StrategyLanguages_6b5d906abfbff6ae2ef800841913960e,
  "/components/translations/Languages#PriorityLanguages": PriorityLanguages_6b5d906abfbff6ae2ef800841913960e,
  "/components/email/ConfirmStillCorrect#ConfirmStillCorrect": ConfirmStillCorrect_eb1e94f26b00cfa34b1582342791ddbe,
  "/components/translations/Languages#ServiceLanguages": ServiceLanguages_6b5d906abfbff6ae2ef800841913960e,
  "/components/translations/Languages#NewsLanguages": NewsLanguages_6b5d906abfbff6ae2ef800841913960e,
  "/components/email/ResendInvitation#ResendInvitation": ResendInvitation_47b7e730dffbd0b164852d70967c66bd,
  "/components/ReviewNavLink#ReviewNavLink": ReviewNavLink_8169753a6db803575ef067734d8f1ff8,
  "/components/email/InviteNavLink#InviteNavLink": InviteNavLink_bb4cc188b7e120e89a1efa44a4b31772,
  "/components/SiteStatus#SiteStatus": SiteStatus_b554d51c40ca051cb980537ecf50af1c,
  "/components/ReviewBanner#ReviewBanner": ReviewBanner_e2d1256a1956fd9f7afb8ba523458989,
  "/components/ReviewQueue#ReviewQueue": ReviewQueue_0a3ae08271ef03452a037534f819af9a,
  "/components/email/InviteUser#InviteUser": InviteUser_afa710343f0430308c6e02ca022c8954,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
