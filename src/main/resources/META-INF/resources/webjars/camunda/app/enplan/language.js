/*
 * The language of Én Plan's Camunda webapps, shared by their scripts/config.js: Danish, unless the user has picked
 * English with the link in the page footer ("English" / "Dansk"). The choice is kept in the browser
 * (localStorage 'enplan.language', the same for every webapp on the server) and applied on reload: config.js
 * offers Camunda the chosen language only, so the browser's own language setting never decides.
 */
const KEY = 'enplan.language';

export function chosenLanguage() {
  try {
    return window.localStorage.getItem(KEY) === 'en' ? 'en' : 'da';
  } catch (e) {
    return 'da';
  }
}

/** The `dateFormat` entry of a webapp's config.js (moment.js formats): day-month-year, 24-hour clock. */
export const danishDateFormat = {
  monthName: 'MMMM',
  day: 'DD',
  abbr: 'DD-MM-YYYY HH:mm',
  normal: 'DD-MM-YYYY HH:mm',
  long: 'dddd [d.] DD-MM-YYYY [kl.] HH:mm',
  short: 'DD-MM-YYYY'
};

/** The `locales` entry of a webapp's config.js. */
export function locales() {
  const language = chosenLanguage();
  return { availableLocales: [language], fallbackLocale: language };
}

function pick(language) {
  window.localStorage.setItem(KEY, language);
  window.location.reload();
}

/** Adds the switch to the other language to the footer's time zone line, once Camunda has rendered it. */
function addSwitch() {
  const line = document.getElementById('footer-timezone');
  if (!line || line.querySelector('.enplan-language')) {
    return;
  }
  const other = chosenLanguage() === 'da' ? 'en' : 'da';
  const link = document.createElement('a');
  link.className = 'enplan-language';
  link.href = '#';
  link.lang = other;
  link.textContent = other === 'en' ? 'English' : 'Dansk';
  link.addEventListener('click', event => {
    event.preventDefault();
    pick(other);
  });
  line.appendChild(link);
}

if (typeof document !== 'undefined') {
  document.documentElement.lang = chosenLanguage();
  // The footer is rendered (and may be rendered again) by Camunda's header and footer directives.
  const start = () => new MutationObserver(addSwitch).observe(document.body, { childList: true, subtree: true });
  document.readyState === 'loading' ? document.addEventListener('DOMContentLoaded', start) : start();
}
