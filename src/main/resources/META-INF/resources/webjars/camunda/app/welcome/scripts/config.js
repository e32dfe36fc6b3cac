/*
 * Én Plan's Welcome configuration (takes the place of the shipped scripts/config.js; its comments list the options).
 * Danish by default: ../locales/da.json, or en.json for a user who has picked English in the page footer
 * (../../enplan/language.js). docs/webapps.md tells how it is wired and what to do after a Camunda upgrade.
 */
import { locales, danishDateFormat } from '../../enplan/language.js';

export default {
  app: {
    vendor: 'Én Plan',
    name: 'Velkommen'
  },
  locales: locales(),
  dateFormat: danishDateFormat
};
