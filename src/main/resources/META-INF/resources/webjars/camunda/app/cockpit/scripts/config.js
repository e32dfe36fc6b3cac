/*
 * Én Plan's Cockpit configuration (takes the place of the shipped scripts/config.js, in which every setting is
 * commented out, so Camunda's defaults apply to everything not set here).
 *
 * Danish by default: ../locales/da.json, or en.json for a user who has picked English in the page footer, and Danish
 * date formats, both from ../../enplan/language.js, shared by all four webapps. See docs/webapps.md.
 */
import { locales, danishDateFormat } from '../../enplan/language.js';

export default {
  locales: locales(),
  dateFormat: danishDateFormat,
  // The app ignores 'dateFormat': this script sets the same formats (../enplan/dates.js).
  customScripts: ['../enplan/dates']
};
