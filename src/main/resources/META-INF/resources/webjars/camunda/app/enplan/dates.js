/*
 * Én Plan: Danish date formats in Cockpit and Admin (a custom script, listed in the app's scripts/config.js).
 *
 * Tasklist applies config.js's 'dateFormat'; Cockpit ignores it and registers its own formats (ISO,
 * 'YYYY-MM-DD[T]HH:mm:ss'), Admin keeps the library's. This script adds a configuration block to the app's AngularJS
 * module after the app's own, so the camDate filter formats with danishDateFormat ('DD-MM-YYYY HH:mm').
 */
import {danishDateFormat} from './language.js';

const appName = document.querySelector('base').getAttribute('app-name');
window.angular.module('cam.' + appName).config(['camDateFormatProvider', formats => {
  Object.entries(danishDateFormat).forEach(([name, format]) => formats.setDateFormat(format, name));
}]);

export default [];
