// The facet sidebar: a group of checkboxes per facet (outlet, people, organisations, places) with
// the count of matching reports next to each value. Ticking values of one group ORs them; groups
// AND together. Chosen values stay listed even when the current matches do not count them.

import { el, plural } from './dom.js';

const GROUPS = [
  { key: 'outlet', title: 'Outlet' },
  { key: 'person', title: 'People' },
  { key: 'org', title: 'Organisations' },
  { key: 'place', title: 'Places' },
];
const SHOWN = 8;

/**
 * @param counts per group, the API's facet lists ([{value, count}]), each counted as if none of
 *   that group's values were chosen
 * @param onToggle called with (group, value) when a box is ticked or cleared
 */
export function renderFacets(container, counts, state, expanded, onToggle, onExpand) {
  container.replaceChildren();
  for (const { key, title } of GROUPS) {
    const values = mergeChosen(counts[key] ?? [], state[key]);
    if (values.length === 0) continue;
    const open = expanded.has(key);
    const shown = open ? values : values.slice(0, Math.max(SHOWN, state[key].length));
    const list = el('ul', { className: 'facet-values' });
    for (const { value, count } of shown) {
      const chosen = state[key].includes(value);
      const id = `facet-${key}-${slug(value)}`;
      list.append(
        el('li', {},
          el('input', {
            type: 'checkbox', id, checked: chosen,
            dataset: { focusKey: id },
            attrs: { 'aria-describedby': `${id}-count` },
            on: { change: () => onToggle(key, value) },
          }),
          el('label', { htmlFor: id, className: 'facet-label' },
            el('span', { className: 'facet-name' }, value),
            el('span', { className: 'facet-count', id: `${id}-count`,
              attrs: { 'aria-label': count === null ? 'not counted' : plural(count, 'report') } },
              count === null ? '–' : count.toLocaleString('en-GB'))))
      );
    }
    const group = el('fieldset', { className: 'facet-group', dataset: { facet: key } },
      el('legend', {}, title), list);
    if (values.length > shown.length || open) {
      group.append(el('button', {
        type: 'button', className: 'link-button',
        dataset: { focusKey: `more-${key}` },
        attrs: { 'aria-expanded': String(open) },
        on: { click: () => onExpand(key) },
      }, open ? 'Show fewer' : `Show all ${values.length}`));
    }
    container.append(group);
  }
}

/** @return the counted values, plus chosen values the counts lack (with a null count). */
function mergeChosen(counted, chosen) {
  const values = counted.map(({ value, count }) => ({ value, count }));
  for (const value of chosen) {
    if (!values.some((v) => v.value === value)) values.unshift({ value, count: null });
  }
  return values;
}

function slug(value) {
  let hash = 0;
  for (const char of value) hash = (Math.imul(hash, 31) + char.codePointAt(0)) | 0;
  return (hash >>> 0).toString(36);
}
