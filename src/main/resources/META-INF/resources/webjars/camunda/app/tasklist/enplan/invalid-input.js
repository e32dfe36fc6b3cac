/*
 * Én Plan: input the server refuses, shown so a caseworker can act on it (a Tasklist custom script, registered in
 * config.js's customScripts).
 *
 * A refused form submission is answered 400 with {"type": "InvalidInputException", "field", "message", "label",
 * "formFieldId"}, the message a Danish sentence naming the field as the form labels it. Tasklist shows it after its
 * own frame ("An error happened while submitting the task form : …"); this script
 *   - replaces that frame with Danish words saying what did not happen ("Opgaven er ikke afsluttet"),
 *   - marks the field in the form as form-js marks its own errors (red, what is wrong under it), scrolls to it
 *     and puts the cursor in it (not in a date field: its calendar would cover the sentence); the mark goes as soon
 *     as the caseworker changes the field.
 * Once the corrected form is accepted, the refusal's notification goes. The form stays filled: nothing here touches
 * its values.
 */

const SUBMISSION = /\/(task|process-definition)\/[^/]+(\/tenant-id\/[^/]+)?\/(submit-form|complete|start)(\?.*)?$/;
const MARK = 'enplan-invalid-input';

/** The last refusal, so the notification that follows it can be recognised. */
let lastRefusal = null;
/** The refusal's notification on screen, taken away once the corrected form is accepted. */
let shownRefusal = null;
/** Tasklist's AngularJS injector, once it runs. */
let tasklist = null;

function refusalOf(xhr, method, url) {
  if (method !== 'POST' || xhr.status !== 400 || !SUBMISSION.test(url)) {
    return null;
  }
  try {
    const body = JSON.parse(xhr.responseText);
    return body && body.type === 'InvalidInputException' && body.message
      ? { ...body, startsProcess: /\/process-definition\//.test(url) } : null;
  } catch (e) {
    return null;
  }
}

function watchSubmissions() {
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.addEventListener('load', () => {
      const refusal = refusalOf(this, String(method).toUpperCase(), String(url));
      if (refusal) {
        lastRefusal = refusal;
        markField(refusal);
      } else if (String(method).toUpperCase() === 'POST' && SUBMISSION.test(String(url))
          && this.status >= 200 && this.status < 300) {
        clearMarks();
        withdrawRefusal();
      }
    });
    return open.call(this, method, url, ...rest);
  };
}

function clearMarks() {
  document.querySelectorAll('.' + MARK).forEach(error => {
    const field = error.closest('.fjs-form-field');
    error.remove();
    if (field) {
      field.classList.remove('fjs-has-errors');
      field.querySelectorAll('[aria-invalid="true"]').forEach(input => input.setAttribute('aria-invalid', 'false'));
    }
  });
}

/** The form-js input of a form component: id "fjs-form-<form>-<component>", "-date"/"-time" for a date field. */
function inputOf(componentId) {
  const ends = ['', '-date', '-time'].map(suffix => '[id$="-' + componentId + suffix + '"]');
  return document.querySelector(ends.map(end => '.fjs-form input' + end + ', .fjs-form textarea' + end
    + ', .fjs-form select' + end).join(', '))
    || document.querySelector('.fjs-form [id$="-' + componentId + '"]');
}

/** Under the field its label goes without saying: "Slutdatoen ligger før startdatoen". */
function reasonOf(refusal) {
  const prefix = refusal.label ? refusal.label + ': ' : '';
  const reason = prefix && refusal.message.indexOf(prefix) === 0 ? refusal.message.slice(prefix.length)
    : refusal.message;
  return reason.charAt(0).toUpperCase() + reason.slice(1);
}

function markField(refusal) {
  clearMarks();
  if (!refusal.formFieldId) {
    return;
  }
  const input = inputOf(refusal.formFieldId);
  const field = input && input.closest('.fjs-form-field');
  if (!field) {
    return;
  }
  field.classList.add('fjs-has-errors');
  field.querySelectorAll('input, textarea').forEach(element => element.setAttribute('aria-invalid', 'true'));
  const error = document.createElement('div');
  error.className = 'fjs-form-field-error ' + MARK;
  error.setAttribute('aria-live', 'polite');
  error.setAttribute('role', 'alert');
  const list = document.createElement('ul');
  const item = document.createElement('li');
  item.textContent = reasonOf(refusal);
  list.appendChild(item);
  error.appendChild(list);
  field.appendChild(error);
  const unmark = () => {
    clearMarks();
    field.removeEventListener('input', unmark, true);
    field.removeEventListener('change', unmark, true);
  };
  field.addEventListener('input', unmark, true);
  field.addEventListener('change', unmark, true);
  field.scrollIntoView({ block: 'center' });
  // The cursor in the field, except in a date field, whose calendar would open over the sentence.
  if (input.focus && !/-(date|time)$/.test(input.id) && input.type !== 'radio' && input.type !== 'checkbox') {
    input.focus({ preventScroll: true });
  }
}

/** Tasklist's notification of the refusal: Danish words for what did not happen, then the server's sentence. */
function rewordNotifications(notifications) {
  const add = notifications.add;
  notifications.add = function (notification) {
    if (lastRefusal && notification && notification.type === 'danger'
        && String(notification.message || '').indexOf(lastRefusal.message) !== -1) {
      notification.status = lastRefusal.startsProcess ? 'Forløbet er ikke startet' : 'Opgaven er ikke afsluttet';
      notification.message = lastRefusal.message;
      lastRefusal = null;
      shownRefusal = notification;
    }
    return add.call(this, notification);
  };
}

function withdrawRefusal() {
  if (shownRefusal && tasklist) {
    const notification = shownRefusal;
    shownRefusal = null;
    tasklist.get('$rootScope').$applyAsync(() => tasklist.get('Notifications').clear(notification));
  }
}

/** Waits for Tasklist's AngularJS application, then wraps its Notifications service. */
function whenTasklistRuns(attempt = 0) {
  const angular = window.angular;
  const injector = angular && angular.element(document.body).injector();
  if (injector && injector.has('Notifications')) {
    tasklist = injector;
    rewordNotifications(injector.get('Notifications'));
  } else if (attempt < 600) {
    setTimeout(() => whenTasklistRuns(attempt + 1), 100);
  }
}

watchSubmissions();
whenTasklistRuns();

export default [];
