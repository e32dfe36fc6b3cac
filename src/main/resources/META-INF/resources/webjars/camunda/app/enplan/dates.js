/*
 * Én Plan: dates and times in Danish in Tasklist, Cockpit and Admin (a custom script, listed in each app's
 * scripts/config.js).
 *
 * - Formats: Tasklist applies config.js's 'dateFormat'; Cockpit ignores it and registers its own formats (ISO,
 *   'YYYY-MM-DD[T]HH:mm:ss'), Admin keeps the library's. The configuration block below, added to the app's AngularJS
 *   module after the app's own, sets danishDateFormat ('DD-MM-YYYY HH:mm') in every app.
 * - Time zone: the webapps show a point in time in the browser's own zone (moment without time zones). The camDate
 *   filter is wrapped so that it formats the wall-clock time in Denmark (Europe/Copenhagen), whatever zone the
 *   browser is in, and the footer names that zone. Relative times ("om 14 dage") do not depend on the zone.
 */
import {danishDateFormat} from './language.js';

const DANISH_TIME_ZONE = 'Europe/Copenhagen';

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: DANISH_TIME_ZONE, hourCycle: 'h23',
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit'
});

/** The engine's '2026-12-29T20:56:25.000+0000' (or a Date, or milliseconds) as a Date, or null. */
function pointInTime(value) {
  const date = value instanceof Date ? value
      : new Date(typeof value === 'string' ? value.replace(/([+-]\d\d)(\d\d)$/, '$1:$2') : value);
  return isNaN(date.getTime()) ? null : date;
}

/** A Date whose local wall-clock time is the Danish one at that moment (what moment then formats). */
function danishWallClock(date) {
  const part = Object.fromEntries(PARTS.formatToParts(date).map(p => [p.type, p.value]));
  return new Date(+part.year, +part.month - 1, +part.day, +part.hour, +part.minute, +part.second,
      date.getMilliseconds());
}

const appName = document.querySelector('base').getAttribute('app-name');
window.angular.module('cam.' + appName).config(['camDateFormatProvider', '$provide', (formats, $provide) => {
  Object.entries(danishDateFormat).forEach(([name, format]) => formats.setDateFormat(format, name));
  $provide.decorator('camDateFilter', ['$delegate', original => (value, format) => {
    const date = value ? pointInTime(value) : null;
    return original(date ? danishWallClock(date) : value, format);
  }]);
}]);

/** The footer says in which zone dates are shown: Denmark's. */
function nameTheZone() {
  const zone = document.querySelector('#footer-timezone i');
  if (zone && zone.textContent !== DANISH_TIME_ZONE) {
    zone.textContent = DANISH_TIME_ZONE;
  }
}
new MutationObserver(nameTheZone).observe(document.documentElement, {childList: true, subtree: true});

export default [];
