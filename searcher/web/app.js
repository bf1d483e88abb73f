// The search page: reads the state from the URL, asks the API, and draws the results, the facet
// sidebar, the date histogram, the filter chips and the pager. Every change of state is a new URL
// (history.pushState), so back and forward walk through searches and a link reproduces one.

import { ApiError, getJson, reportPath } from './api.js';
import { el, formatDate } from './dom.js';
import { renderFacets } from './facets.js';
import { histogramBuckets, renderHistogram } from './histogram.js';
import { renderReport, renderReportError } from './report.js';
import { renderPager, renderResults, renderSummary } from './results.js';
import {
  FACET_GROUPS, PAGE_SIZE, apiParams, hasEntityFilters, hasFilters, parseState, stateToQuery,
  toggleValue, withDates,
} from './state.js';

const $ = (id) => document.getElementById(id);
const view = {
  form: $('search-form'), q: $('q'), searchView: $('search-view'), reportView: $('report-view'),
  message: $('message'), chips: $('chips'), filters: $('filters'), facets: $('facets'),
  histogram: $('histogram'), dateForm: $('date-form'), from: $('date-from'), to: $('date-to'),
  results: $('results'), summary: $('result-summary'), list: $('result-list'),
  pager: $('pagination'), sort: $('sort'), exportLink: $('export'),
};
const FACET_TITLES = { outlet: 'Outlet', person: 'Person', org: 'Organisation', place: 'Place' };
const expanded = new Set();
let state = parseState(location.search);
let inFlight = null;

function navigate(next) {
  const query = stateToQuery(next);
  history.pushState(null, '', query ? `/?${query}` : '/');
  showSearch(next);
}

function route() {
  if (location.pathname.startsWith('/report/')) {
    showReport(decodeURIComponent(location.pathname.slice('/report/'.length)));
  } else {
    showSearch(parseState(location.search));
  }
}

async function showSearch(next) {
  state = next;
  view.searchView.hidden = false;
  view.reportView.hidden = true;
  view.q.value = state.q;
  view.sort.value = state.sort === 'date' ? 'date' : '';
  view.from.value = state.from;
  view.to.value = state.to;
  document.title = state.q ? `${state.q} – Gazette` : 'Gazette';
  renderChips();
  view.exportLink.href = `/api/export.csv?${apiParams(state, { limit: null, facets: false })}`;

  inFlight?.abort();
  delete view.results.dataset.rendered;
  const controller = new AbortController();
  inFlight = controller;
  view.results.setAttribute('aria-busy', 'true');
  // Each chosen facet group is counted again without its own values, so that its other values
  // keep their counts and can be added (values of one group OR together).
  const asks = [['main', apiParams(state, { offset: (state.page - 1) * PAGE_SIZE })]];
  for (const group of FACET_GROUPS) {
    if (state[group].length > 0) asks.push([group, apiParams(state, { without: group, limit: 0 })]);
  }
  if (state.from || state.to) asks.push(['dates', apiParams(state, { without: 'dates', limit: 0 })]);
  let answers;
  try {
    const bodies = await Promise.all(asks.map(([, params]) => getJson('/api/search', params, controller.signal)));
    answers = Object.fromEntries(asks.map(([name], i) => [name, bodies[i]]));
  } catch (error) {
    if (error.name === 'AbortError') return;
    showError(await explain(error, controller.signal));
    view.results.dataset.rendered = 'error';
    return;
  } finally {
    if (inFlight === controller) view.results.removeAttribute('aria-busy');
  }
  if (inFlight !== controller) return;
  const focusKey = document.activeElement?.dataset?.focusKey;
  showMessage(null);
  const main = answers.main;
  const counts = {};
  for (const group of FACET_GROUPS) counts[group] = (answers[group] ?? main).facets?.[group] ?? [];
  renderFacets(view.facets, counts, state, expanded, onToggle, onExpand);
  renderHistogram(view.histogram, histogramBuckets((answers.dates ?? main).facets), state, onRange);
  renderSummary(view.summary, main, state);
  renderResults(view.list, main, state);
  renderPager(view.pager, main, state, onPage);
  restoreFocus(focusKey);
  // Marks the results as drawn for this state (tests wait on it).
  view.results.dataset.rendered = 'results';
}

/**
 * @return the error to show: for a bad query sent with entity filters (which the page adds to the
 * query), the error of the query as typed, so that its column numbers match the search box.
 */
async function explain(error, signal) {
  if (error.status !== 400 || !hasEntityFilters(state)) return error;
  try {
    await getJson('/api/search', new URLSearchParams({ q: state.q, limit: '0' }), signal);
    return error;
  } catch (typed) {
    return typed instanceof ApiError ? typed : error;
  }
}

async function showReport(id) {
  view.searchView.hidden = true;
  view.reportView.hidden = false;
  const backQuery = stateToQuery(parseState(location.search));
  state = parseState(location.search);
  view.q.value = state.q;
  try {
    const report = await getJson(reportPath(id));
    document.title = `${report.title || '(untitled)'} – Gazette`;
    renderReport(view.reportView, report, backQuery);
    $('report-title')?.focus();
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    document.title = 'No such report – Gazette';
    renderReportError(view.reportView, error, backQuery);
  }
}

function onToggle(group, value) {
  navigate(toggleValue(state, group, value));
}

function onExpand(group) {
  if (expanded.has(group)) expanded.delete(group);
  else expanded.add(group);
  showSearch(state);
}

function onRange(from, to) {
  navigate(withDates(state, from, to));
}

function onPage(page) {
  navigate({ ...state, page });
  view.summary.focus({ preventScroll: true });
  view.results.scrollIntoView({ block: 'start' });
}

/** The active filters, each a button that removes it. */
function renderChips() {
  const chips = [];
  const chip = (label, next) => el('li', {}, el('button', {
    type: 'button', className: 'chip removable',
    dataset: { focusKey: `chip-${label}` },
    attrs: { 'aria-label': `Remove filter ${label}` },
    on: { click: () => navigate(next) },
  }, label, el('span', { className: 'chip-x', attrs: { 'aria-hidden': 'true' } }, '×')));
  for (const group of FACET_GROUPS) {
    for (const value of state[group]) {
      chips.push(chip(`${FACET_TITLES[group]}: ${value}`, toggleValue(state, group, value)));
    }
  }
  if (state.from || state.to) {
    chips.push(chip(dateLabel(state.from, state.to), withDates(state, '', '')));
  }
  if (chips.length > 1) {
    const cleared = { ...parseState(''), q: state.q, sort: state.sort };
    chips.push(el('li', {}, el('button', {
      type: 'button', className: 'link-button', dataset: { focusKey: 'chip-clear' },
      on: { click: () => navigate(cleared) },
    }, 'Clear all filters')));
  }
  view.chips.replaceChildren(...chips);
  view.chips.hidden = !hasFilters(state);
}

function dateLabel(from, to) {
  if (from && to) return from === to ? `Date: ${formatDate(from)}` : `Date: ${formatDate(from)} – ${formatDate(to)}`;
  return from ? `Date: from ${formatDate(from)}` : `Date: until ${formatDate(to)}`;
}

function showError(error) {
  view.list.replaceChildren();
  view.pager.replaceChildren();
  view.summary.textContent = '';
  showMessage(error);
}

function showMessage(error) {
  view.message.hidden = !error;
  if (!error) {
    view.message.replaceChildren();
    return;
  }
  view.message.replaceChildren(
    el('p', { className: 'message-text' }, error.message ?? String(error)),
    error.hint ? el('p', { className: 'hint' }, error.hint) : '');
}

function restoreFocus(key) {
  if (!key) return;
  const target = [...document.querySelectorAll('[data-focus-key]')].find((n) => n.dataset.focusKey === key);
  target?.focus({ preventScroll: true });
}

view.form.addEventListener('submit', (event) => {
  event.preventDefault();
  navigate({ ...state, q: view.q.value.trim(), page: 1 });
});
view.sort.addEventListener('change', () => navigate({ ...state, sort: view.sort.value, page: 1 }));
view.dateForm.addEventListener('submit', (event) => {
  event.preventDefault();
  navigate(withDates(state, view.from.value.trim(), view.to.value.trim()));
});
document.addEventListener('keydown', (event) => {
  const typing = event.target.closest?.('input, textarea, select');
  if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey) {
    event.preventDefault();
    view.q.focus();
    view.q.select();
  }
});
window.addEventListener('popstate', route);
if (window.matchMedia('(max-width: 760px)').matches) view.filters.open = false;
route();
