/*
 * Én Plan's page in Camunda Cockpit (a Cockpit plugin: Cockpit loads this module itself, as
 * /camunda/api/cockpit/plugin/en-plan/static/app/plugin.js, and renders its plugins at their plugin points).
 *
 * - cockpit.route '/en-plan': the KPIs of the leader's municipality (network-wide for the network role, with a choice
 *   of municipality) for a period of months, as tables and charts; a number with a list behind it opens the list of
 *   its courses (course, masked citizen, phase, days) — within the leader's own municipality only.
 * - cockpit.navigation: "Én Plan" in Cockpit's header.
 * - cockpit.dashboard: a short section on Cockpit's start page leading to the page, and what Cockpit's own task
 *   counts mean for a leader.
 *
 * The figures come from the KPI API (docs/kpi.md) through the plugin's own resource
 * (.../plugin/en-plan/{engine}/kpi/summary|courses), with the Cockpit login. The charts are Apache ECharts from its
 * WebJar, served by the application as ./echarts.js; nothing is loaded from elsewhere. docs/webapps.md.
 */

const ROUTE = '/en-plan';

const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober',
  'november', 'december'];

/** The KPI API's names of the numbers that have a list of courses behind them (docs/kpi.md, "Drill-down"). */
const DRILL = {
  active: 'activeCourses',
  referrals: 'referrals',
  consent: 'daysToConsent',
  firstPlan: 'daysToFirstPlan',
  contactMulti: 'contactPersons',
  plansMulti: 'activePlansPerCitizen',
  lateAssessments: 'lateAssessments',
  lateFollowUps: 'lateFollowUps',
  progression: 'progression',
  closures: 'closures',
  deliveriesFailed: 'deliveriesFailed',
  deliveriesRejected: 'deliveriesRejected',
  complaints: 'complaints'
};

// ---------------------------------------------------------------------------------------------------------------
// Small helpers: text, numbers, months, requests.

function escape(text) {
  return String(text == null ? '' : text).replace(/[&<>"']/g,
      c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
}

const NUMBER = new Intl.NumberFormat('da-DK', {maximumFractionDigits: 1});
const PERCENT = new Intl.NumberFormat('da-DK', {style: 'percent', maximumFractionDigits: 0});

function number(value) {
  return value == null ? '–' : NUMBER.format(value);
}

function percent(value) {
  return value == null ? '–' : PERCENT.format(value);
}

function signed(value) {
  return value == null ? '–' : (value > 0 ? '+' : '') + NUMBER.format(value);
}

/** '2026-03' as 'marts 2026'. */
function monthName(month) {
  const [year, m] = String(month).split('-');
  return MONTHS[+m - 1] ? MONTHS[+m - 1] + ' ' + year : month;
}

/** The month of a date as 'åååå-mm'. */
function monthOf(date) {
  return date.getFullYear() + '-' + String(date.getMonth() + 1).padStart(2, '0');
}

/** The default period: the last twelve months, this one included. */
function defaultPeriod() {
  const now = new Date();
  return {from: monthOf(new Date(now.getFullYear(), now.getMonth() - 11, 1)), to: monthOf(now)};
}

/** The months a period may start or end in, newest first: this month and the five years before, in Danish. */
function monthOptions(selected) {
  const now = new Date();
  const options = [];
  for (let i = 0; i < 72; i++) {
    const month = monthOf(new Date(now.getFullYear(), now.getMonth() - i, 1));
    options.push(`<option value="${month}"${month === selected ? ' selected' : ''}>${monthName(month)}</option>`);
  }
  return options.join('');
}

async function getJson(url) {
  const response = await fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  if (!response.ok) {
    const message = body && body.message ? body.message : 'Serveren svarede ' + response.status;
    const error = new Error(message);
    error.status = response.status;
    throw error;
  }
  return body;
}

function query(params) {
  return Object.entries(params).filter(([, v]) => v != null && v !== '')
      .map(([k, v]) => encodeURIComponent(k) + '=' + encodeURIComponent(v)).join('&');
}

let echartsModule = null;

/** Apache ECharts, from the application (the plugin's asset ./echarts.js), loaded once. */
function echarts() {
  if (!echartsModule) {
    echartsModule = import(new URL('./echarts.js', import.meta.url).href);
  }
  return echartsModule;
}

// ---------------------------------------------------------------------------------------------------------------
// The page.

/** What Cockpit's own task counts mean for a leader (docs/webapps.md, "Cockpit's task counts"). */
const TASK_COUNTS_NOTE = `<p class="enplan-tasks-note" data-enplan="task-counts">
  <b>Cockpits egne opgavetal.</b> Forsiden (<i>Åbne brugeropgaver</i>) og siden <i>Brugeropgaver</i>
  (<i>I alt</i>) tæller de samme åbne opgaver i din egen kommune. <i>Tildelinger pr. gruppe</i> tæller kun opgaver,
  som ingen har taget, under hver af deres kandidatgrupper; derfor kan summen afvige fra <i>I alt</i>.
  Nøgletallene her tæller forløb, ikke opgaver.</p>`;

class KpiPage {
  constructor(node, api) {
    this.node = node;
    this.api = api;
    this.base = api.cockpitApi + '/plugin/en-plan/' + encodeURIComponent(api.engine || 'default');
    this.charts = [];
    this.period = defaultPeriod();
    this.municipality = '';
    this.network = false;
    this.municipalities = [];
  }

  async start() {
    this.node.innerHTML = `<section class="enplan-kpi" data-enplan="kpi-page" lang="da">
      <h1>Én Plan – nøgletal</h1>
      <div class="enplan-scope" data-enplan="scope">Henter …</div>
      <form class="enplan-period" data-enplan="period">
        <label>Fra måned <select name="from">${monthOptions(this.period.from)}</select></label>
        <label>Til måned <select name="to">${monthOptions(this.period.to)}</select></label>
        <label class="enplan-municipality-choice" hidden>Kommune
          <select name="municipality"><option value="">Hele netværket</option></select></label>
        <button type="submit" class="btn btn-primary btn-sm">Vis</button>
      </form>
      ${TASK_COUNTS_NOTE}
      <div class="enplan-error" data-enplan="error" hidden></div>
      <div class="enplan-grid" data-enplan="kpis"></div>
      <div class="enplan-courses" data-enplan="courses"></div>
    </section>`;
    const form = this.node.querySelector('form');
    form.addEventListener('submit', event => {
      event.preventDefault();
      this.period = {from: form.from.value, to: form.to.value};
      this.municipality = form.municipality.value;
      this.load();
    });
    this.node.addEventListener('click', event => {
      const link = event.target.closest('a.enplan-drill');
      if (link) {
        event.preventDefault();
        this.drill(link.dataset.kpi, link.dataset.key || '', link.dataset.title);
      }
    });
    this.resize = () => this.charts.forEach(chart => chart.resize());
    window.addEventListener('resize', this.resize);
    await this.load();
  }

  stop() {
    window.removeEventListener('resize', this.resize);
    this.disposeCharts();
  }

  disposeCharts() {
    this.charts.forEach(chart => chart.dispose());
    this.charts = [];
  }

  error(message) {
    const box = this.node.querySelector('[data-enplan=error]');
    box.hidden = !message;
    box.textContent = message || '';
  }

  async load() {
    this.error(null);
    if (this.period.from && this.period.to && this.period.from > this.period.to) {
      this.error('Fra-måneden ligger efter til-måneden.');
      return;
    }
    let summary;
    try {
      summary = await getJson(this.base + '/kpi/summary?' + query({
        from: this.period.from, to: this.period.to, municipality: this.municipality}));
    } catch (e) {
      this.error('Nøgletallene kunne ikke hentes: ' + e.message);
      this.node.querySelector('[data-enplan=kpis]').innerHTML = '';
      return;
    }
    if (!this.municipality && summary.scope && !summary.scope.municipality) {
      // Asked without a municipality, the KPI API answers network-wide only for a network role.
      this.network = true;
      await this.offerMunicipalities();
    }
    // Cockpit's task counts concern a municipality's own tasks: nothing for the network to explain.
    this.node.querySelector('[data-enplan=task-counts]').hidden = this.network;
    this.render(summary);
  }

  async offerMunicipalities() {
    const label = this.node.querySelector('.enplan-municipality-choice');
    label.hidden = false;
    if (this.municipalities.length) {
      return;
    }
    try {
      this.municipalities = await getJson(this.base + '/municipalities');
    } catch (e) {
      this.municipalities = [];
    }
    const select = label.querySelector('select');
    this.municipalities.forEach(m => select.insertAdjacentHTML('beforeend',
        `<option value="${escape(m.tenant)}">${escape(m.name)}</option>`));
  }

  /** A number with the list of its courses behind it — in the leader's own municipality only. */
  drillable(value, kpi, key, title) {
    const text = number(value);
    if (this.network || !value) {
      return text;
    }
    return `<a class="enplan-drill" href="" data-kpi="${escape(kpi)}" data-key="${escape(key || '')}"
      data-title="${escape(title)}" title="Vis forløbene">${text}</a>`;
  }

  render(s) {
    this.disposeCharts();
    const scope = s.scope || {};
    this.node.querySelector('[data-enplan=scope]').innerHTML = (scope.municipality
        ? 'Kommune: <b data-enplan="municipality">' + escape(scope.name) + '</b>'
        : '<b data-enplan="municipality">' + escape(scope.name || 'Hele netværket') + '</b>')
        + ` · perioden ${escape(monthName(scope.from))} – ${escape(monthName(scope.to))}`
        + (scope.today ? ` · opgjort ${escape(scope.today.split('-').reverse().join('-'))}` : '');
    const cards = [];
    const charts = [];
    const card = (id, title, body, note) => cards.push(`<div class="enplan-card" data-kpi="${id}">
      <h2>${escape(title)}</h2>${body}${note ? `<p class="enplan-note">${note}</p>` : ''}</div>`);
    const chart = (id, option) => {
      const values = option.series.flatMap(series => series.data.map(d => d && typeof d === 'object' ? d.value : d));
      if (!values.some(value => value)) {
        return '<p class="enplan-note" data-chart-empty="' + id + '">Intet at vise i diagrammet.</p>';
      }
      charts.push({id, option});
      return `<div class="enplan-chart" data-chart="${id}"></div>`;
    };

    // Active courses by phase (now).
    const active = s.activeCourses || {total: 0, byPhase: []};
    card('active', 'Aktive forløb efter fase', table(['Fase', 'Forløb'],
        active.byPhase.map(p => [escape(p.label), this.drillable(p.courses, DRILL.active, p.phase,
            'Aktive forløb i fasen ' + p.label)]),
        ['I alt', this.drillable(active.total, DRILL.active, '', 'Aktive forløb')])
        + chart('active', bars(active.byPhase.map(p => p.label), active.byPhase.map(p => p.courses), true)),
        'Forløb, der ikke er afsluttet, i dag.');

    // Referrals per month.
    const referrals = s.referrals || {total: 0, perMonth: []};
    card('referrals', 'Henvisninger pr. måned', chart('referrals',
        bars(referrals.perMonth.map(m => monthName(m.month)), referrals.perMonth.map(m => m.count), false))
        + table(['Måned', 'Henvisninger'], referrals.perMonth.map(m => [escape(monthName(m.month)),
            number(m.count)]),
        ['I alt', this.drillable(referrals.total, DRILL.referrals, '', 'Henvisninger i perioden')]));

    // Days to consent and to the first agreed plan.
    const days = (label, d, kpi) => [escape(label), this.drillable(d ? d.courses : 0, kpi, '', label),
      number(d && d.median), number(d && d.p90)];
    card('days', 'Dage fra henvisning', table(['Til', 'Forløb', 'Median', '90%-fraktil'], [
      days('Samtykke', s.daysToConsent, DRILL.consent),
      days('Første aftalte plan', s.daysToFirstPlan, DRILL.firstPlan)]),
        'Forløb, der nåede trinnet i perioden; dage fra henvisningen.');

    // Contact persons per course, active plans per citizen (goal 1).
    const contacts = s.contactPersons || {};
    const plans = s.activePlansPerCitizen || {};
    card('goal1', 'Én kontaktperson, én plan (mål 1)', table(['', 'Antal', 'Gennemsnit', 'Flere end én'], [
      ['Kontaktpersoner pr. forløb (henvist i perioden)', number(contacts.courses), number(contacts.mean),
        this.drillable(contacts.withMoreThanOne, DRILL.contactMulti, '', 'Forløb med flere end én kontaktperson')],
      ['Aktive planer pr. borger (i dag)', number(plans.citizens), number(plans.mean),
        this.drillable(plans.withMoreThanOne, DRILL.plansMulti, '', 'Borgere med flere end én aktiv plan')]]),
        'Antal: forløb henholdsvis borgere med en aktiv plan.');

    // Late assessments and follow-ups.
    const late = s.late || {now: {}, perMonth: []};
    const lateNow = late.now || {};
    card('late', 'Forsinkede udredninger og opfølgninger', table(['', 'Udredninger', 'Opfølgninger'],
        [['Forsinket nu', number(lateNow.assessments), number(lateNow.followUps)]]
            .concat(late.perMonth.map(m => [escape(monthName(m.month)), number(m.assessments), number(m.followUps)])),
        ['Forsinket i perioden',
          this.drillable(sum(late.perMonth, 'assessments'), DRILL.lateAssessments, '', 'Forsinkede udredninger i perioden'),
          this.drillable(sum(late.perMonth, 'followUps'), DRILL.lateFollowUps, '', 'Forsinkede opfølgninger i perioden')])
        + chart('late', groupedBars(late.perMonth.map(m => monthName(m.month)),
            [['Udredninger', late.perMonth.map(m => m.assessments)],
              ['Opfølgninger', late.perMonth.map(m => m.followUps)]])),
        'Pr. måned efter fristen: udført efter fristen eller stadig åben.');

    // Progression per life domain.
    const progression = s.progression || [];
    card('progression', 'Progression pr. livsområde', table(['Livsområde', 'Forløb', 'Gns. ændring', 'Andel forbedret'],
        progression.map(p => [escape(p.label), this.drillable(p.courses, DRILL.progression, p.domain,
            'Progression: ' + p.label), signed(p.meanChange), percent(p.shareImproved)]))
        + chart('progression', bars(progression.map(p => p.label), progression.map(p => p.meanChange), true)),
        'Fra første til seneste måling (forløb med mindst to målinger, seneste måling i perioden).');

    // Closure reasons.
    const closures = s.closures || {total: 0, byReason: []};
    card('closures', 'Afslutningsårsager', table(['Årsag', 'Forløb'],
        closures.byReason.map(r => [escape(r.label), this.drillable(r.courses, DRILL.closures, r.reason,
            'Afsluttet: ' + r.label)]),
        ['I alt', this.drillable(closures.total, DRILL.closures, '', 'Afsluttede forløb')])
        + (closures.total ? chart('closures', pie(closures.byReason.filter(r => r.courses)
            .map(r => ({name: r.label, value: r.courses})))) : ''),
        'Forløb, der sluttede i perioden.');

    // Deliveries and complaints.
    const deliveries = s.deliveries || {};
    const complaints = s.complaints || {};
    card('deliveries', 'Leverancer til fagsystemerne', table(['', 'Antal'], [
      ['Fejlede', this.drillable(deliveries.failed, DRILL.deliveriesFailed, '', 'Fejlede leverancer')],
      ['Afvist af fagsystemet', this.drillable(deliveries.rejected, DRILL.deliveriesRejected, '', 'Afviste leverancer')]]));
    card('complaints', 'Klager', table(['', 'Antal'], [
      ['Modtaget', this.drillable(complaints.received, DRILL.complaints, '', 'Klager modtaget')],
      ['Medhold', number(complaints.upheld)],
      ['Videresendt til Ankestyrelsen', number(complaints.forwarded)]]));

    this.node.querySelector('[data-enplan=kpis]').innerHTML = cards.join('');
    this.node.querySelector('[data-enplan=courses]').innerHTML = '';
    this.drawCharts(charts);
  }

  async drawCharts(charts) {
    if (!charts.length) {
      return;
    }
    let lib;
    try {
      lib = await echarts();
    } catch (e) {
      this.error('Diagrammerne kunne ikke indlæses.');
      return;
    }
    charts.forEach(({id, option}) => {
      const element = this.node.querySelector(`[data-chart="${id}"]`);
      if (element) {
        const instance = lib.init(element, null, {renderer: 'canvas'});
        instance.setOption(Object.assign({animation: false, textStyle: {fontFamily: 'inherit'}}, option));
        this.charts.push(instance);
      }
    });
  }

  async drill(kpi, key, title) {
    const box = this.node.querySelector('[data-enplan=courses]');
    box.innerHTML = `<h2 data-enplan="courses-title">${escape(title)}</h2><p>Henter …</p>`;
    const rows = [];
    const show = async after => {
      let answer;
      try {
        answer = await getJson(this.base + '/kpi/courses?' + query({kpi, key, from: this.period.from,
          to: this.period.to, after}));
      } catch (e) {
        box.innerHTML = `<h2>${escape(title)}</h2><p class="enplan-error">Forløbene kunne ikke hentes: ${escape(e.message)}</p>`;
        return;
      }
      (answer.courses || []).forEach(c => rows.push([escape(c.courseId), c.maskedCpr ? escape(c.maskedCpr) : '–',
        escape(c.phase), c.days == null ? '–' : number(c.days)]));
      box.innerHTML = `<h2 data-enplan="courses-title">${escape(title)}</h2>`
          + (rows.length ? table(['Forløb', 'Borger', 'Fase', 'Dage'], rows, null, 'courses', 3) : '<p>Ingen forløb.</p>')
          + (answer.next ? `<p class="enplan-note">Viser ${number(rows.length)} forløb.
              <button type="button" class="btn btn-default btn-sm" data-enplan="more">Vis ${answer.limit} mere</button></p>` : '');
      const more = box.querySelector('[data-enplan=more]');
      if (more) {
        more.addEventListener('click', () => {
          more.disabled = true;
          more.textContent = 'Henter …';
          show(answer.next);
        });
      }
    };
    await show(undefined);
    box.scrollIntoView({block: 'nearest'});
  }
}

function sum(list, field) {
  return list.reduce((total, item) => total + (item[field] || 0), 0);
}

function table(heads, rows, total, name, numericFrom = 1) {
  const numeric = i => i >= numericFrom;
  const cell = (tag, value, i) => `<${tag}${numeric(i) ? ' class="num"' : ''}>${value}</${tag}>`;
  return `<table${name ? ` data-enplan="${name}"` : ''}><thead><tr>${heads.map((h, i) => cell('th', escape(h), i)).join('')}</tr></thead>
    <tbody>${rows.map(r => `<tr>${r.map((v, i) => cell('td', v, i)).join('')}</tr>`).join('')}
    ${total ? `<tr class="enplan-total">${total.map((v, i) => cell('th', v, i)).join('')}</tr>` : ''}</tbody></table>`;
}

function bars(labels, values, horizontal) {
  const categories = {type: 'category', data: labels, axisLabel: {interval: 0, fontSize: 11}};
  const amounts = {type: 'value', minInterval: 1};
  return {
    grid: {left: horizontal ? 150 : 40, right: 20, top: 10, bottom: horizontal ? 25 : 55},
    tooltip: {trigger: 'axis'},
    xAxis: horizontal ? amounts : Object.assign(categories, {axisLabel: {interval: 0, rotate: 40, fontSize: 11}}),
    yAxis: horizontal ? Object.assign(categories, {inverse: true}) : amounts,
    series: [{type: 'bar', data: values, itemStyle: {color: '#1f6fb2'}}]
  };
}

function groupedBars(labels, series) {
  return {
    grid: {left: 40, right: 20, top: 30, bottom: 55},
    tooltip: {trigger: 'axis'},
    legend: {top: 0},
    xAxis: {type: 'category', data: labels, axisLabel: {interval: 0, rotate: 40, fontSize: 11}},
    yAxis: {type: 'value', minInterval: 1},
    series: series.map(([name, data]) => ({name, type: 'bar', data}))
  };
}

function pie(data) {
  return {
    tooltip: {trigger: 'item'},
    series: [{type: 'pie', radius: ['35%', '65%'], data, label: {fontSize: 11}}]
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The plugins.

/** The page on screen, if any (Cockpit shows one route at a time). */
let current = null;

export default [
  {
    id: 'enplan.kpi.route',
    pluginPoint: 'cockpit.route',
    properties: {path: ROUTE},
    render: (node, {api}) => {
      if (current) {
        current.stop();
      }
      current = new KpiPage(node, api);
      current.start();
    },
    unmount: () => {
      if (current) {
        current.stop();
        current = null;
      }
    }
  },
  {
    id: 'enplan.kpi.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 110,
    properties: {path: ROUTE},
    checkActive: url => url.indexOf('#' + ROUTE) > -1,
    render: node => {
      node.innerHTML = `<a href="#${ROUTE}" data-enplan="navigation">Én Plan</a>`;
    }
  },
  {
    id: 'enplan.kpi.dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: node => {
        node.innerHTML = `<section class="enplan-kpi" data-enplan="dashboard" lang="da" style="padding: 0 0 10px">
        <h2 style="font-size: 18px"><a href="#${ROUTE}">Én Plan – nøgletal</a></h2>
        <p>Forløb, henvisninger, tid til samtykke og til aftalt plan, kontaktpersoner, progression og klager
          for din kommune, og for netværket for hele netværket: <a href="#${ROUTE}">åbn Én Plan</a>.</p>
        ${TASK_COUNTS_NOTE}</section>`;
    }
  }
];
