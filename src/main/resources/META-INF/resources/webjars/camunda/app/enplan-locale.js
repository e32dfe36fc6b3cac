/*
 * Én Plan: the language and date formats of Camunda's webapps (imported by each app's scripts/config.js).
 *
 * Danish always, whatever language the browser asks for. English only for a user who picks it: open any webapp
 * with ?sprog=en before the '#' (e.g. /camunda/app/cockpit/default/?sprog=en#/dashboard); the choice is kept in
 * this browser until ?sprog=da. Camunda itself would follow the browser's first language, and Chromium in an
 * English installation would show everything in English.
 */
const CHOICE_KEY = 'enplan.sprog';

function chosenLanguage() {
  const asked = new URLSearchParams(window.location.search).get('sprog');
  if (asked === 'en' || asked === 'da') {
    window.localStorage.setItem(CHOICE_KEY, asked);
  }
  return window.localStorage.getItem(CHOICE_KEY) === 'en' ? 'en' : 'da';
}

/** Camunda's 'locales' setting: only the chosen language is offered, so the browser's language is never used. */
export function danishUnlessEnglishChosen() {
  const language = chosenLanguage();
  return {availableLocales: [language], fallbackLocale: language};
}

/** Camunda's 'dateFormat' setting (moment.js formats): day-month-year, 24-hour clock. */
export const danishDateFormat = {
  monthName: 'MMMM',
  day: 'DD',
  abbr: 'DD-MM-YYYY HH:mm',
  normal: 'DD-MM-YYYY HH:mm',
  long: 'dddd [d.] DD-MM-YYYY HH:mm:ss',
  short: 'DD-MM-YYYY'
};
