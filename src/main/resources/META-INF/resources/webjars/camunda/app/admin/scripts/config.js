/*
 * Én Plan's Admin configuration (takes the place of the shipped scripts/config.js, in which every setting is
 * commented out, so Camunda's defaults apply to everything not set here).
 *
 * Danish by default: the 'da' locale (locales/da.json) and Danish date formats, from ../../enplan-locale.js,
 * shared with Cockpit. See docs/webapps.md.
 */
import {danishUnlessEnglishChosen, danishDateFormat} from '../../enplan-locale.js';

export default {
  locales: danishUnlessEnglishChosen(),
  dateFormat: danishDateFormat,
  // The app ignores 'dateFormat': this script sets the same formats (../enplan-dates.js).
  customScripts: ['../enplan-dates']
};
