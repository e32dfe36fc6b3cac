/*
 * Tasklist's calendars and Camunda Forms (form-js 1.x, as Tasklist 7.24 embeds it) in Danish, unless the user has
 * picked English (../../enplan/language.js). form-js has no translation support (its i18n issue,
 * bpmn-io/form-js#77, is open), and Tasklist creates the form itself, so this script, loaded as a customScript from
 * scripts/config.js, does three things:
 *
 * 1. The calendar: form-js's date field is a flatpickr, which form-js creates with the browser's date order
 *    (mm/dd/yyyy in an English browser) and flatpickr's English names, week from Sunday. Danish names, Monday first,
 *    and the format dd-mm-åååå are set as flatpickr's defaults: a locale and a plugin, which flatpickr applies to
 *    every date field it creates. Only what is shown changes: form-js submits the date it reads from the calendar
 *    as ISO åååå-mm-dd (FormSubmissionCheck and the engine read that).
 * 2. form-js's own English texts (validation messages, the "Select" and "Search" placeholders): a MutationObserver
 *    replaces them in place as form-js renders them, from the table below. A message form-js adds after a Camunda
 *    upgrade shows in English until a line is added here (docs/webapps.md).
 * 3. Tasklist's own calendar (follow-up and due dates, an angular-ui-bootstrap datepicker) takes its names and first
 *    weekday from AngularJS's $locale, which Tasklist leaves English (en-us); Danish ones are set in it.
 */
import { chosenLanguage } from '../../enplan/language.js';

const DATE_PLACEHOLDER = 'dd-mm-åååå';

const DANISH_CALENDAR = {
  weekdays: {
    shorthand: ['søn', 'man', 'tir', 'ons', 'tor', 'fre', 'lør'],
    longhand: ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag']
  },
  months: {
    shorthand: ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
    longhand: ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober',
      'november', 'december']
  },
  firstDayOfWeek: 1,
  ordinal: () => '.',
  rangeSeparator: ' til ',
  weekAbbreviation: 'uge',
  scrollTitle: 'Rul for at ændre',
  toggleTitle: 'Klik for at skifte',
  yearAriaLabel: 'År',
  monthAriaLabel: 'Måned',
  hourAriaLabel: 'Time',
  minuteAriaLabel: 'Minut',
  time_24hr: true
};

/** flatpickr plugin: every date field shows and reads dd-mm-åååå, whatever order the browser's language uses. */
function danishDateFormat(picker) {
  if (!picker.config.enableTime && !picker.config.noCalendar) {
    picker.config.dateFormat = 'd-m-Y';
  }
  return {
    onReady() {
      if (picker.input && !picker.config.enableTime) {
        picker.input.placeholder = DATE_PLACEHOLDER;
      }
    }
  };
}

function danishCalendar(flatpickr) {
  flatpickr.localize(DANISH_CALENDAR);
  flatpickr.setDefaults({ plugins: [...(flatpickr.defaultConfig.plugins || []), danishDateFormat] });
}

/** Calls back with flatpickr as soon as the form library has defined it (window.flatpickr). */
function whenFlatpickr(callback) {
  if (window.flatpickr) {
    callback(window.flatpickr);
    return;
  }
  Object.defineProperty(window, 'flatpickr', {
    configurable: true,
    enumerable: true,
    get() {
      return undefined;
    },
    set(value) {
      Object.defineProperty(window, 'flatpickr', { value, configurable: true, enumerable: true, writable: true });
      callback(value);
    }
  });
}

/** form-js's English texts and their Danish ones; a function receives the pattern's groups. */
const MESSAGES = [
  [/^Field is required\.$/, 'Feltet skal udfyldes.'],
  [/^Field must have minimum length of (\d+)\.$/, n => `Feltet skal have mindst ${n} tegn.`],
  [/^Field must have maximum length of (\d+)\.$/, n => `Feltet må højst have ${n} tegn.`],
  [/^Field must have minimum value of (.+)\.$/, n => `Værdien skal være mindst ${n}.`],
  [/^Field must have maximum value of (.+)\.$/, n => `Værdien må højst være ${n}.`],
  [/^Field must match pattern .*\.$/, 'Feltet er ikke udfyldt i det rigtige format.'],
  [/^Field must be a valid email\.$/, 'Feltet skal være en gyldig e-mailadresse.'],
  [/^Field must be a valid\s+international phone number\..*$/, 'Feltet skal være et telefonnummer med landekode (fx +4512345678).'],
  [/^Value is not a number\.$/, 'Værdien er ikke et tal.'],
  [/^Value is expected to be an integer\.$/, 'Værdien skal være et helt tal.'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, n => `Værdien må højst have ${n} decimaler.`],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    (a, b) => `Vælg en gyldig værdi. De to nærmeste gyldige værdier er ${a} og ${b}.`],
  [/^Date and time must both be entered\.$/, 'Både dato og klokkeslæt skal udfyldes.']
];

const PLACEHOLDERS = { Select: 'Vælg', Search: 'Søg' };

/** Where form-js writes its own texts; the caseworker's and the citizen's text is never touched. */
const MESSAGE_PARENTS = '.fjs-form-field-error li';
const PLACEHOLDER_PARENTS = '.fjs-select-placeholder';
const EMPTY_LIST = '.fjs-dropdownlist-empty';

function danish(text) {
  for (const [pattern, danishText] of MESSAGES) {
    const match = pattern.exec(text);
    if (match) {
      return typeof danishText === 'function' ? danishText(...match.slice(1)) : danishText;
    }
  }
  return null;
}

function translateTextNode(node) {
  const parent = node.parentElement;
  if (!parent) {
    return;
  }
  const text = node.data.trim();
  let replacement = null;
  if (parent.matches(MESSAGE_PARENTS)) {
    replacement = danish(text);
  } else if (parent.matches(PLACEHOLDER_PARENTS)) {
    replacement = PLACEHOLDERS[text] || null;
  } else if (parent.matches(EMPTY_LIST) && text === 'No results') {
    replacement = 'Ingen resultater';
  }
  if (replacement !== null && replacement !== node.data) {
    node.data = replacement;
  }
}

function translateElement(element) {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.currentNode; node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      translateTextNode(node);
    }
  }
  const inputs = element.matches('input[placeholder]') ? [element] : element.querySelectorAll('input[placeholder]');
  inputs.forEach(input => {
    if (input.closest('.fjs-container') && PLACEHOLDERS[input.placeholder]) {
      input.placeholder = PLACEHOLDERS[input.placeholder];
    }
  });
}

function translateForms() {
  const observer = new MutationObserver(mutations => {
    for (const mutation of mutations) {
      if (mutation.type === 'characterData') {
        translateTextNode(mutation.target);
      } else if (mutation.type === 'attributes') {
        if (mutation.target.closest('.fjs-container')) {
          translateElement(mutation.target);
        }
      } else {
        mutation.addedNodes.forEach(node => {
          if (node.nodeType === Node.TEXT_NODE) {
            translateTextNode(node);
          } else if (node.nodeType === Node.ELEMENT_NODE && (node.closest('.fjs-container') || node.querySelector('.fjs-container'))) {
            translateElement(node);
          }
        });
      }
    }
  });
  observer.observe(document.body, {
    childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['class', 'placeholder']
  });
}

/** AngularJS's date names (as angular-i18n's da-dk has them) for Tasklist's own datepicker and date filter. */
function danishAngularLocale($locale) {
  Object.assign($locale.DATETIME_FORMATS, {
    MONTH: DANISH_CALENDAR.months.longhand,
    SHORTMONTH: ['jan.', 'feb.', 'mar.', 'apr.', 'maj', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'],
    STANDALONEMONTH: DANISH_CALENDAR.months.longhand,
    DAY: DANISH_CALENDAR.weekdays.longhand,
    SHORTDAY: DANISH_CALENDAR.weekdays.shorthand,
    FIRSTDAYOFWEEK: 0 // AngularJS counts from Monday: the week starts on Monday
  });
  $locale.id = 'da-dk';
}

/** Calls back with a service of Tasklist's AngularJS application once the application has started. */
function whenAngular(service, callback) {
  const started = Date.now();
  const timer = window.setInterval(() => {
    const injector = window.angular && (window.angular.element(document).injector()
        || window.angular.element(document.body).injector());
    if (injector || Date.now() - started > 60000) {
      window.clearInterval(timer);
      if (injector) {
        callback(injector.get(service));
      }
    }
  }, 50);
}

if (chosenLanguage() === 'da') {
  whenFlatpickr(danishCalendar);
  whenAngular('$locale', danishAngularLocale);
  document.readyState === 'loading' ? document.addEventListener('DOMContentLoaded', translateForms) : translateForms();
}
