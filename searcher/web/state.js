// The page's state lives in the URL (/?q=...&outlet=...&page=2), so a search can be shared,
// bookmarked, and walked with back and forward. These functions are pure: state in, state out.

export const PAGE_SIZE = 10;
/// The API serves pages down to this many results (offset + limit); deeper pages are refused.
export const RESULT_WINDOW = 10000;
export const FACET_GROUPS = ['outlet', 'person', 'org', 'place'];
export const ENTITY_GROUPS = ['person', 'org', 'place'];
const SORTS = ['relevance', 'date'];

/** @return the state a location's query string describes. */
export function parseState(search) {
  const params = new URLSearchParams(search);
  const state = emptyState();
  state.q = params.get('q') ?? '';
  for (const group of FACET_GROUPS) {
    state[group] = unique(params.getAll(group).filter((v) => v !== ''));
  }
  state.from = params.get('from') ?? '';
  state.to = params.get('to') ?? '';
  const sort = params.get('sort') ?? '';
  state.sort = SORTS.includes(sort) ? sort : '';
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  state.page = Number.isFinite(page) && page >= 1 ? Math.min(page, maxPage()) : 1;
  return state;
}

export function emptyState() {
  return { q: '', outlet: [], person: [], org: [], place: [], from: '', to: '', sort: '', page: 1 };
}

/** @return the query string for the page's URL (no leading '?'); defaults are left out. */
export function stateToQuery(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const group of FACET_GROUPS) {
    for (const value of state[group]) params.append(group, value);
  }
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.sort) params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  return params.toString();
}

/**
 * @return the parameters of /api/search for a state. `without` names filters to leave out (a
 * facet group, or 'dates'), so that a group's counts can be taken as if none of its values were
 * chosen: values of one group OR together, so the others stay available to add.
 */
export function apiParams(state, { without = null, limit = PAGE_SIZE, offset = 0, facets = true } = {}) {
  const params = new URLSearchParams();
  params.set('q', queryWithEntities(state, without));
  if (without !== 'outlet') {
    for (const outlet of state.outlet) params.append('outlet', outlet);
  }
  if (without !== 'dates') {
    if (state.from) params.set('from', state.from);
    if (state.to) params.set('to', state.to);
  }
  if (state.sort) params.set('sort', state.sort);
  if (limit !== null) params.set('limit', String(limit));
  if (offset) params.set('offset', String(offset));
  if (facets) params.set('facets', '1');
  return params;
}

/**
 * @return the query with the chosen people, organisations and places as field filters
 * (`(Puls withdrawal) person:"Kim Jong Un" person:"Puls" place:"Kursk"`): values of one field OR
 * together and fields AND together, as the facets promise. (The API's `entity` parameter, like
 * `gazette-search --entity`, would AND every name.) `without` leaves one group out.
 */
export function queryWithEntities(state, without = null) {
  const clauses = [];
  for (const group of ENTITY_GROUPS) {
    if (without === group) continue;
    for (const name of state[group]) clauses.push(`${group}:"${name.replaceAll('"', ' ')}"`);
  }
  if (clauses.length === 0) return state.q;
  return state.q.trim() ? `(${state.q}) ${clauses.join(' ')}` : clauses.join(' ');
}

export function hasEntityFilters(state) {
  return ENTITY_GROUPS.some((g) => state[g].length > 0);
}

export function hasFilters(state) {
  return FACET_GROUPS.some((g) => state[g].length > 0) || state.from !== '' || state.to !== '';
}

/** @return the state with `value` added to or removed from a facet group, back on page 1. */
export function toggleValue(state, group, value) {
  const values = state[group].includes(value)
    ? state[group].filter((v) => v !== value)
    : [...state[group], value];
  return { ...state, [group]: values, page: 1 };
}

export function withDates(state, from, to) {
  return { ...state, from, to, page: 1 };
}

export function withPage(state, page) {
  return { ...state, page };
}

export function maxPage() {
  return Math.floor(RESULT_WINDOW / PAGE_SIZE);
}

/** @return the first day a date spec (YYYY, YYYY-MM, YYYY-MM-DD) covers, as YYYY-MM-DD. */
export function specStart(spec) {
  if (/^\d{4}$/.test(spec)) return `${spec}-01-01`;
  if (/^\d{4}-\d{2}$/.test(spec)) return `${spec}-01`;
  return spec;
}

/** @return a key that sorts after every day a date spec covers ("2025-01" -> "2025-01-99"). */
export function specEnd(spec) {
  if (/^\d{4}$/.test(spec)) return `${spec}-99-99`;
  if (/^\d{4}-\d{2}$/.test(spec)) return `${spec}-99`;
  return spec;
}

function unique(values) {
  return [...new Set(values)];
}
