// The search page's pure logic, without a browser: URL state, API parameters, histogram bars,
// page numbers. Run by ctest (label web) with Node's test runner.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { histogramBuckets } from '../../searcher/web/histogram.js';
import { pageWindow } from '../../searcher/web/results.js';
import {
  apiParams, parseState, queryWithEntities, specEnd, specStart, stateToQuery, toggleValue,
} from '../../searcher/web/state.js';

test('URL state round-trips, with defaults left out and junk dropped', () => {
  const query = 'q=Puls+withdrawal&outlet=Kyiv+Post&outlet=Flux+Daily&person=Puls&from=2025-01&to=2025-01-31&sort=date&page=3';
  const state = parseState(`?${query}`);
  assert.deepEqual(state.outlet, ['Kyiv Post', 'Flux Daily']);
  assert.equal(state.page, 3);
  assert.equal(stateToQuery(state), query);
  assert.equal(stateToQuery(parseState('?sort=random&page=-4&outlet=&outlet=A&outlet=A')), 'outlet=A');
  assert.equal(parseState('?page=999999').page, 1000);
  assert.equal(stateToQuery(parseState('')), '');
});

test('toggling a facet value adds or removes it and goes back to page 1', () => {
  const state = parseState('?q=troops&outlet=Kyiv+Post&page=2');
  const more = toggleValue(state, 'outlet', 'Flux Daily');
  assert.deepEqual(more.outlet, ['Kyiv Post', 'Flux Daily']);
  assert.equal(more.page, 1);
  assert.deepEqual(toggleValue(more, 'outlet', 'Kyiv Post').outlet, ['Flux Daily']);
  assert.deepEqual(state.outlet, ['Kyiv Post']);  // the old state is untouched
});

test('API parameters: paging, facets, and a group left out for its own counts', () => {
  const state = parseState('?q=troops&outlet=Kyiv+Post&from=2025-01&sort=date');
  const main = apiParams(state, { offset: 20 });
  assert.equal(main.toString(), 'q=troops&outlet=Kyiv+Post&from=2025-01&sort=date&limit=10&offset=20&facets=1');
  assert.equal(apiParams(state, { without: 'outlet', limit: 0 }).getAll('outlet').length, 0);
  assert.equal(apiParams(state, { without: 'dates', limit: 0 }).get('from'), null);
  const exported = apiParams(state, { limit: null, facets: false });
  assert.equal(exported.get('limit'), null);
  assert.equal(exported.get('facets'), null);
});

test('entity filters become field filters: one field ORs, fields AND', () => {
  const state = parseState('?q=troops+OR+casualties&person=Kim+Jong+Un&person=Puls&place=Kursk');
  assert.equal(queryWithEntities(state), '(troops OR casualties) person:"Kim Jong Un" person:"Puls" place:"Kursk"');
  assert.equal(queryWithEntities(state, 'person'), '(troops OR casualties) place:"Kursk"');
  assert.equal(queryWithEntities({ ...state, q: '' }), 'person:"Kim Jong Un" person:"Puls" place:"Kursk"');
  assert.equal(queryWithEntities(parseState('?q=a&org=Say+"No"')), '(a) org:"Say  No "');
  assert.equal(apiParams(state).get('q'), queryWithEntities(state));
  assert.equal(queryWithEntities(parseState('?q=plain')), 'plain');
});

test('date specs span their first to their last day', () => {
  assert.equal(specStart('2025'), '2025-01-01');
  assert.equal(specStart('2025-02'), '2025-02-01');
  assert.equal(specStart('2025-02-03'), '2025-02-03');
  assert.ok(specEnd('2025-01') > '2025-01-31' && specEnd('2025-01') < '2025-02-01');
  assert.ok(specEnd('2025') > '2025-12-31' && specEnd('2025') < '2026');
});

test('histogram bars: days with the empty days between, months for longer spans', () => {
  const days = histogramBuckets({ day: [{ value: '2025-01-30', count: 2 }, { value: '2025-02-02', count: 1 }], date: [] });
  assert.deepEqual(days.map((b) => [b.key, b.count]), [['2025-01-30', 2], ['2025-01-31', 0], ['2025-02-01', 0], ['2025-02-02', 1]]);
  assert.deepEqual([days[1].from, days[1].to], ['2025-01-31', '2025-01-31']);
  const months = histogramBuckets({
    day: [{ value: '2024-11-05', count: 1 }, { value: '2025-02-02', count: 1 }],
    date: [{ value: '2024-11', count: 1 }, { value: '2025-02', count: 1 }],
  });
  assert.deepEqual(months.map((b) => b.key), ['2024-11', '2024-12', '2025-01', '2025-02']);
  assert.deepEqual(histogramBuckets({ day: [], date: [] }), []);
  assert.deepEqual(histogramBuckets(null), []);
});

test('histogram bars come from facets.date_histogram when the server sends one', () => {
  const bars = histogramBuckets({
    date_histogram: { bucket: 'week', buckets: [
      { start: '2025-01-27', end: '2025-02-02', label: '2025-W05', count: 4 },
      { start: '2025-02-03', end: '2025-02-09', label: '2025-W06', count: 0 },
    ] },
    day: [{ value: '2025-01-27', count: 4 }],
  });
  assert.deepEqual(bars, [
    { key: '2025-01-27', from: '2025-01-27', to: '2025-02-02', count: 4 },
    { key: '2025-02-03', from: '2025-02-03', to: '2025-02-09', count: 0 },
  ]);
});

test('page numbers: the first, the last and two either side of the current', () => {
  assert.deepEqual(pageWindow(1, 1), [1]);
  assert.deepEqual(pageWindow(1, 4), [1, 2, 3, 4]);
  assert.deepEqual(pageWindow(6, 20), [1, null, 4, 5, 6, 7, 8, null, 20]);
  assert.deepEqual(pageWindow(20, 20), [1, null, 18, 19, 20]);
});
