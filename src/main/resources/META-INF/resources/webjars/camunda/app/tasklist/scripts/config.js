/*
 * Én Plan's Tasklist configuration (takes the place of the shipped scripts/config.js; its comments list the options).
 * Danish by default: ../locales/da.json, or en.json for a user who has picked English in the page footer
 * (../../enplan/language.js). Dates as caseworkers write them: dd-mm-åååå, times as HH:mm. docs/webapps.md tells how it is
 * wired and what to do after a Camunda upgrade.
 */
import { locales, danishDateFormat } from '../../enplan/language.js';

export default {
  app: {
    vendor: 'Én Plan',
    name: 'Tasklist'
  },
  locales: locales(),
  dateFormat: danishDateFormat,
  customScripts: [
    // form-js's messages and placeholders in Danish; the calendars in Danish from Monday, dates as dd-mm-åååå.
    'enplan/danish',
    // dates in Danish time (Europe/Copenhagen) whatever the browser's zone, as in Cockpit and Admin
    '../enplan/dates',
    // a refused submission told in the form's words, at the field (docs/forms.md)
    'enplan/invalid-input',
    // task lists sorted by due date, then created (Tasklist's own default is created)
    'enplan/due-date-sorting'
  ],

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'tager den valgte opgave'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'går til det første filter i listen'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'går til den første opgave i listen'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'går til det første felt i opgavens formular'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'åbner vinduet, hvor et forløb startes'
    }
  }
};
