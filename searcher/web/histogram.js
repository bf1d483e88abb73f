// The date histogram: one bar per day (or per month, when the matches span more than a few
// months), zero-count periods included so the axis is true to time. Click a bar to keep that
// period; drag across bars (mouse or touch) to keep a range. Bars are buttons, so Tab and Enter
// work too.

import { el, formatDate, plural } from './dom.js';
import { specEnd, specStart } from './state.js';

const MAX_DAY_BARS = 92;

/**
 * @return the bars [{value, count}] from the API's facets: facets.date_histogram when the server
 * sends one, else daily counts (facets.day) or monthly ones (facets.date), with empty periods
 * filled in.
 */
export function histogramBuckets(facets) {
  if (!facets) return [];
  if (Array.isArray(facets.date_histogram) && facets.date_histogram.length > 0) {
    return facets.date_histogram
      .map((b) => ({ value: String(b.value ?? b.key ?? b.date ?? ''), count: Number(b.count ?? 0) }))
      .filter((b) => /^\d{4}(-\d{2}){0,2}$/.test(b.value));
  }
  const days = facets.day ?? [];
  if (days.length > 0 && daysBetween(days[0].value, days[days.length - 1].value) < MAX_DAY_BARS) {
    return fill(days, nextDay);
  }
  return fill(facets.date ?? [], nextMonth);
}

export function renderHistogram(container, buckets, state, onRange) {
  container.replaceChildren();
  if (buckets.length === 0) {
    container.append(el('p', { className: 'muted' }, 'No dated reports.'));
    return;
  }
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const from = state.from ? specStart(state.from) : '';
  const to = state.to ? specEnd(state.to) : '';
  const chosen = (b) => (from || to) && (!from || specEnd(b.value) >= from) && (!to || specStart(b.value) <= to);
  const bars = el('div', { className: 'histogram-bars', attrs: { role: 'group', 'aria-label': 'Reports by date' } });
  buckets.forEach((bucket, index) => {
    const bar = el('button', {
      type: 'button',
      className: `histogram-bar${chosen(bucket) ? ' chosen' : ''}${bucket.count === 0 ? ' empty' : ''}`,
      title: `${formatDate(bucket.value)}: ${plural(bucket.count, 'report')}`,
      dataset: { index: String(index), focusKey: `bar-${bucket.value}`, value: bucket.value },
      attrs: { 'aria-label': `${formatDate(bucket.value)}: ${plural(bucket.count, 'report')}`,
        'aria-pressed': String(Boolean(chosen(bucket))) },
    }, el('span', { className: 'histogram-fill' }));
    bar.firstChild.style.height = `${Math.max(bucket.count > 0 ? 6 : 0, (bucket.count / max) * 100)}%`;
    // Keyboard (Enter, Space) clicks have no pointer: keep that one period.
    bar.addEventListener('click', (event) => {
      if (event.detail === 0) onRange(bucket.value, bucket.value);
    });
    bars.append(bar);
  });
  enableDrag(bars, buckets, onRange);
  container.append(
    bars,
    el('div', { className: 'histogram-axis', attrs: { 'aria-hidden': 'true' } },
      el('span', {}, formatDate(buckets[0].value)),
      el('span', {}, formatDate(buckets[buckets.length - 1].value))),
  );
}

/** Pointer down on a bar, move, up: the bars between are the range (one bar for a click). */
function enableDrag(bars, buckets, onRange) {
  let anchor = null;
  const indexAt = (event) => {
    const rect = bars.getBoundingClientRect();
    const x = Math.min(Math.max(event.clientX - rect.left, 0), rect.width - 1);
    return Math.floor((x / rect.width) * buckets.length);
  };
  const preview = (a, b) => {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    for (const bar of bars.children) {
      const i = Number(bar.dataset.index);
      bar.classList.toggle('dragging', i >= lo && i <= hi);
    }
  };
  bars.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    anchor = indexAt(event);
    bars.setPointerCapture(event.pointerId);
    preview(anchor, anchor);
    event.preventDefault();
  });
  bars.addEventListener('pointermove', (event) => {
    if (anchor !== null) preview(anchor, indexAt(event));
  });
  const finish = (event, commit) => {
    if (anchor === null) return;
    const end = indexAt(event);
    const [lo, hi] = anchor <= end ? [anchor, end] : [end, anchor];
    anchor = null;
    preview(-1, -1);
    if (commit) onRange(buckets[lo].value, buckets[hi].value);
  };
  bars.addEventListener('pointerup', (event) => finish(event, true));
  bars.addEventListener('pointercancel', (event) => finish(event, false));
}

function fill(counts, next) {
  if (counts.length === 0) return [];
  const byValue = new Map(counts.map((c) => [c.value, c.count]));
  const out = [];
  const last = counts[counts.length - 1].value;
  for (let value = counts[0].value; value <= last && out.length < 5000; value = next(value)) {
    out.push({ value, count: byValue.get(value) ?? 0 });
  }
  return out;
}

function nextDay(value) {
  const [y, m, d] = value.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

function nextMonth(value) {
  const [y, m] = value.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

function daysBetween(a, b) {
  return (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86400000;
}
