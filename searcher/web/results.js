// The result list and the pager.

import { el, formatDate, markedFragment, plural } from './dom.js';
import { PAGE_SIZE, RESULT_WINDOW, stateToQuery, withPage } from './state.js';

export function renderSummary(node, response, state) {
  const total = response.total;
  if (total === 0) {
    node.textContent = state.q ? `No reports match “${state.q}”.` : 'No reports match these filters.';
    return;
  }
  const first = response.offset + 1;
  const last = response.offset + response.results.length;
  const about = response.total_exact ? '' : 'about ';
  const count = `${about}${plural(total, 'report')}`;
  node.textContent = response.results.length === 0
    ? `${capitalise(count)} match; none on this page.`
    : `${capitalise(count)} match${total === 1 ? 'es' : ''}; showing ${first}–${last}.`;
}

export function renderResults(list, response, state) {
  list.replaceChildren();
  list.start = response.offset + 1;
  const back = stateToQuery(state);
  for (const result of response.results) {
    const href = `/report/${encodeURIComponent(result.id)}${back ? `?${back}` : ''}`;
    const title = result.title_html || '(untitled)';
    list.append(el('li', { className: 'result', dataset: { id: result.id } },
      el('h2', { className: 'result-title' },
        el('a', { href, dataset: { focusKey: `result-${result.id}` } }, markedFragment(title))),
      el('p', { className: 'result-meta' },
        el('span', { className: 'result-outlet' }, result.outlet || 'no outlet'),
        ' · ',
        result.date ? el('time', { dateTime: result.date }, formatDate(result.date))
          : el('span', {}, 'undated'),
        result.author ? ` · ${result.author}` : ''),
      el('p', { className: 'snippet' }, markedFragment(result.snippet))));
  }
}

/** Previous, a window of page numbers, next: links to the URL of each page. */
export function renderPager(nav, response, state, onPage) {
  nav.replaceChildren();
  const pages = Math.ceil(Math.min(response.total, RESULT_WINDOW) / PAGE_SIZE);
  if (pages <= 1) return;
  const current = state.page;
  const link = (page, label, extra = {}) => el('a', {
    href: `/?${stateToQuery(withPage(state, page))}`,
    dataset: { focusKey: `page-${label}` },
    on: { click: (event) => follow(event, () => onPage(page)) },
    ...extra,
  }, String(label));
  const items = [];
  if (current > 1) items.push(link(current - 1, 'Previous', { rel: 'prev' }));
  for (const page of pageWindow(current, pages)) {
    if (page === null) {
      items.push(el('span', { className: 'gap', attrs: { 'aria-hidden': 'true' } }, '…'));
    } else if (page === current) {
      items.push(el('span', { className: 'current', attrs: { 'aria-current': 'page' } }, String(page)));
    } else {
      items.push(link(page, page, { attrs: { 'aria-label': `Page ${page}` } }));
    }
  }
  if (current < pages) items.push(link(current + 1, 'Next', { rel: 'next' }));
  nav.append(el('ul', {}, items.map((item) => el('li', {}, item))));
}

/** @return page numbers around the current one, with null for a gap: 1 … 4 5 [6] 7 8 … 20. */
export function pageWindow(current, pages) {
  const shown = new Set([1, pages]);
  for (let p = current - 2; p <= current + 2; p += 1) if (p >= 1 && p <= pages) shown.add(p);
  const sorted = [...shown].sort((a, b) => a - b);
  const out = [];
  sorted.forEach((page, i) => {
    if (i > 0 && page - sorted[i - 1] > 1) out.push(null);
    out.push(page);
  });
  return out;
}

/** Follows an in-page link with the app (not a page load), unless a new tab was asked for. */
export function follow(event, action) {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  action();
}

function capitalise(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
