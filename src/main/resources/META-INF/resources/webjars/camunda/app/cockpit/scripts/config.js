/*
 * Én Plan's Cockpit configuration (takes the place of the shipped scripts/config.js, in which every setting is
 * commented out, so Camunda's defaults apply to everything not set here).
 *
 * Danish by default: ../locales/da.json, or en.json for a user who has picked English in the page footer
 * (../../enplan/language.js, shared by all four webapps); dates by ../enplan/dates.js. See docs/webapps.md.
 */
import { locales } from '../../enplan/language.js';

export default {
  locales: locales(),
  // The app ignores 'dateFormat': this script sets the Danish formats and Danish time (../enplan/dates.js).
  customScripts: ['../enplan/dates']
};
