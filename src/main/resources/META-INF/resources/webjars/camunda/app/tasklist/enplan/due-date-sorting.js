// Tasklist sorts a list by creation, newest first, unless the address names a sorting. Én Plan's lists sort by due
// date, then creation: this puts that sorting in the address when it has none. A caseworker who picks another
// sorting in Tasklist keeps it, as it is in the address from then on.
const DUE_DATE_FIRST = JSON.stringify([
  { sortBy: 'dueDate', sortOrder: 'asc' },
  { sortBy: 'created', sortOrder: 'asc' }
]);
// Should Tasklist ever drop the parameter at once again, this gives up rather than fight it.
let lastAdded = 0;

function sortByDueDate() {
  const hash = window.location.hash || '#/';
  if (!hash.startsWith('#/') || hash.startsWith('#/login') || Date.now() - lastAdded < 1000) {
    return;
  }
  const [path, query = ''] = hash.slice(1).split('?');
  const params = new URLSearchParams(query);
  if (params.has('sorting')) {
    return;
  }
  lastAdded = Date.now();
  params.set('sorting', DUE_DATE_FIRST);
  window.location.replace('#' + path + '?' + params.toString());
}

window.addEventListener('hashchange', sortByDueDate);
sortByDueDate();
