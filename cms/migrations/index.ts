import * as migration_20261122_035328_initial from './20261122_035328_initial';
import * as migration_20261122_040858_review_workflow_and_builds from './20261122_040858_review_workflow_and_builds';
import * as migration_20261122_043403_site_contact from './20261122_043403_site_contact';
import * as migration_20261122_044728_services_public_list_indexes from './20261122_044728_services_public_list_indexes';
import * as migration_20261122_050213_texts_parent_indexes from './20261122_050213_texts_parent_indexes';
import * as migration_20261123_222456_backups from './20261123_222456_backups';
import * as migration_20261123_230028_site_build_exclusions from './20261123_230028_site_build_exclusions';
import * as migration_20261123_231925_location_confidential from './20261123_231925_location_confidential';
import * as migration_20261124_010014_provider_origin_confirmation from './20261124_010014_provider_origin_confirmation';
import * as migration_20261124_014410_step_free_access from './20261124_014410_step_free_access';
import * as migration_20261124_035628_emails from './20261124_035628_emails';
import * as migration_20261124_040338_preview_links from './20261124_040338_preview_links';
import * as migration_20261124_043631_invitation_state from './20261124_043631_invitation_state';
import * as migration_20261124_064455_reviews from './20261124_064455_reviews';
import * as migration_20261124_122538_languages from './20261124_122538_languages';
import * as migration_20261124_160709_news_translations from './20261124_160709_news_translations';
import * as migration_20261124_165902_strategy_priority_translations from './20261124_165902_strategy_priority_translations';
import * as migration_20261124_200557_service_translations from './20261124_200557_service_translations';
import * as migration_20261124_202931_home_strategies_string from './20261124_202931_home_strategies_string';
import * as migration_20261124_211057_priority_heading_strings from './20261124_211057_priority_heading_strings';

export const migrations = [
  {
    up: migration_20261122_035328_initial.up,
    down: migration_20261122_035328_initial.down,
    name: '20261122_035328_initial',
  },
  {
    up: migration_20261122_040858_review_workflow_and_builds.up,
    down: migration_20261122_040858_review_workflow_and_builds.down,
    name: '20261122_040858_review_workflow_and_builds',
  },
  {
    up: migration_20261122_043403_site_contact.up,
    down: migration_20261122_043403_site_contact.down,
    name: '20261122_043403_site_contact',
  },
  {
    up: migration_20261122_044728_services_public_list_indexes.up,
    down: migration_20261122_044728_services_public_list_indexes.down,
    name: '20261122_044728_services_public_list_indexes',
  },
  {
    up: migration_20261122_050213_texts_parent_indexes.up,
    down: migration_20261122_050213_texts_parent_indexes.down,
    name: '20261122_050213_texts_parent_indexes',
  },
  {
    up: migration_20261123_222456_backups.up,
    down: migration_20261123_222456_backups.down,
    name: '20261123_222456_backups',
  },
  {
    up: migration_20261123_230028_site_build_exclusions.up,
    down: migration_20261123_230028_site_build_exclusions.down,
    name: '20261123_230028_site_build_exclusions',
  },
  {
    up: migration_20261123_231925_location_confidential.up,
    down: migration_20261123_231925_location_confidential.down,
    name: '20261123_231925_location_confidential',
  },
  {
    up: migration_20261124_010014_provider_origin_confirmation.up,
    down: migration_20261124_010014_provider_origin_confirmation.down,
    name: '20261124_010014_provider_origin_confirmation',
  },
  {
    up: migration_20261124_014410_step_free_access.up,
    down: migration_20261124_014410_step_free_access.down,
    name: '20261124_014410_step_free_access',
  },
  {
    up: migration_20261124_035628_emails.up,
    down: migration_20261124_035628_emails.down,
    name: '20261124_035628_emails',
  },
  {
    up: migration_20261124_040338_preview_links.up,
    down: migration_20261124_040338_preview_links.down,
    name: '20261124_040338_preview_links',
  },
  {
    up: migration_20261124_043631_invitation_state.up,
    down: migration_20261124_043631_invitation_state.down,
    name: '20261124_043631_invitation_state',
  },
  {
    up: migration_20261124_064455_reviews.up,
    down: migration_20261124_064455_reviews.down,
    name: '20261124_064455_reviews',
  },
  {
    up: migration_20261124_122538_languages.up,
    down: migration_20261124_122538_languages.down,
    name: '20261124_122538_languages',
  },
  {
    up: migration_20261124_160709_news_translations.up,
    down: migration_20261124_160709_news_translations.down,
    name: '20261124_160709_news_translations',
  },
  {
    up: migration_20261124_165902_strategy_priority_translations.up,
    down: migration_20261124_165902_strategy_priority_translations.down,
    name: '20261124_165902_strategy_priority_translations',
  },
  {
    up: migration_20261124_200557_service_translations.up,
    down: migration_20261124_200557_service_translations.down,
    name: '20261124_200557_service_translations',
  },
  {
    up: migration_20261124_202931_home_strategies_string.up,
    down: migration_20261124_202931_home_strategies_string.down,
    name: '20261124_202931_home_strategies_string',
  },
  {
    up: migration_20261124_211057_priority_heading_strings.up,
    down: migration_20261124_211057_priority_heading_strings.down,
    name: '20261124_211057_priority_heading_strings'
  },
];
