// The whole report: /report/ID shows /api/report/ID. Every field is text: a title or body with
// markup in it shows the markup, it never runs.

import { el, formatDate, isWebUrl } from './dom.js';
import { emptyState, stateToQuery } from './state.js';

const ENTITY_TITLES = { person: 'People', org: 'Organisations', place: 'Places' };

export function renderReport(container, report, backQuery) {
  container.replaceChildren();
  const back = `/${backQuery ? `?${backQuery}` : ''}`;
  const meta = el('dl', { className: 'report-meta' });
  const row = (term, ...value) => meta.append(el('dt', {}, term), el('dd', {}, ...value));
  row('Outlet', report.outlet || 'no outlet');
  row('Published', report.date ? el('time', { dateTime: report.date }, formatDate(report.date)) : 'undated');
  if (report.author) row('Author', report.author);
  if (report.url) {
    row('Source', isWebUrl(report.url)
      ? el('a', { href: report.url, rel: 'noopener noreferrer nofollow', target: '_blank' }, report.url)
      : report.url);
  }
  row('Id', el('code', {}, report.id));

  const body = el('div', { className: 'report-body' });
  for (const paragraph of report.body.split('\n')) {
    if (paragraph.trim() !== '') body.append(el('p', {}, paragraph));
  }
  container.append(
    el('p', {}, el('a', { href: back, className: 'back-link' }, '← Back to results')),
    el('article', { className: 'report' },
      el('h1', { id: 'report-title', tabIndex: -1 }, report.title || '(untitled)'),
      meta,
      renderEntities(report.entities ?? []),
      body),
  );
}

export function renderReportError(container, error, backQuery) {
  container.replaceChildren(
    el('p', {}, el('a', { href: `/${backQuery ? `?${backQuery}` : ''}`, className: 'back-link' }, '← Back to results')),
    el('div', { className: 'message', attrs: { role: 'alert' } },
      el('p', {}, error.status === 404 ? 'No such report.' : 'The report cannot be shown.'),
      el('p', { className: 'hint' }, error.message + (error.hint ? ` (${error.hint})` : ''))),
  );
}

/** The entities the report names, each a link to the reports that name it too. */
function renderEntities(entities) {
  if (entities.length === 0) return null;
  const section = el('section', { className: 'report-entities', attrs: { 'aria-label': 'Named in this report' } });
  for (const [type, title] of Object.entries(ENTITY_TITLES)) {
    const names = entities.filter((e) => e.type === type).map((e) => e.name);
    if (names.length === 0) continue;
    const list = el('ul', { className: 'chips' });
    for (const name of names) {
      const state = { ...emptyState(), [type]: [name] };
      list.append(el('li', {}, el('a', { className: 'chip', href: `/?${stateToQuery(state)}` }, name)));
    }
    section.append(el('h2', {}, title), list);
  }
  return section;
}
