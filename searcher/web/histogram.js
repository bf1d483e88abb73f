// The date histogram: one bar per day (or per month, when the matches span more than a few
// months), zero-count periods included so the axis is true to time. Click a bar to keep that
// period; drag across bars (mouse or touch) to keep a range. Bars are buttons, so Tab and Enter
// work too.

import { el, formatDate, plural } from './dom.js';
import { specEnd, specStart } from './state.js';

// Day bars up to a month of span (as the server's own histogram), month bars beyond.
const MAX_DAY_BARS = 31;

/**
 * @return the bars [{key, from, to, count}] from the API's facets: facets.date_histogram when the
 * server sends one ({bucket, buckets: [{start, end, label, count}]}), else daily counts
 * (facets.day) or monthly ones (facets.date) with the empty periods between filled in. `from` and
 * `to` are the date specs a bar filters on.
 */
export function histogramBuckets(facets) {
  if (!facets) return [];
  const histogram = facets.date_histogram;
  if (histogram && Array.isArray(histogram.buckets) && histogram.buckets.length > 0) {
    return histogram.buckets.map((b) => ({ key: b.start, from: b.start, to: b.end, count: b.count }));
  }
  const days = facets.day ?? [];
  const counts = days.length > 0 && daysBetween(days[0].value, days[days.length - 1].value) < MAX_DAY_BARS
    ? fill(days, nextDay)
    : fill(facets.date ?? [], nextMonth);
  return counts.map(({ value, count }) => ({ key: value, from: value, to: value, count }));
}

/** @return "27 Jan 2025", or "27 Jan – 2 Feb 2025" for a bar of several days. */
function describe(bucket) {
  return bucket.from === bucket.to || bucket.to.length < 10
    ? formatDate(bucket.from)
    : `${formatDate(bucket.from)} – ${formatDate(bucket.to)}`;
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
  const chosen = (b) => (from || to) && (!from || specEnd(b.to) >= from) && (!to || specStart(b.from) <= to);
  const bars = el('div', { className: 'histogram-bars', attrs: { role: 'group', 'aria-label': 'Reports by date' } });
  buckets.forEach((bucket, index) => {
    const bar = el('button', {
      type: 'button',
      className: `histogram-bar${chosen(bucket) ? ' chosen' : ''}${bucket.count === 0 ? ' empty' : ''}`,
      title: `${describe(bucket)}: ${plural(bucket.count, 'report')}`,
      dataset: { index: String(index), focusKey: `bar-${bucket.key}`, value: bucket.key },
      attrs: { 'aria-label': `${describe(bucket)}: ${plural(bucket.count, 'report')}`,
        'aria-pressed': String(Boolean(chosen(bucket))) },
    }, el('span', { className: 'histogram-fill' }));
    bar.firstChild.style.height = `${Math.max(bucket.count > 0 ? 6 : 0, (bucket.count / max) * 100)}%`;
    // Keyboard (Enter, Space) clicks have no pointer: keep that one period.
    bar.addEventListener('click', (event) => {
      if (event.detail === 0) onRange(bucket.from, bucket.to);
    });
    bars.append(bar);
  });
  enableDrag(bars, buckets, onRange);
  container.append(
    bars,
    el('div', { className: 'histogram-axis', attrs: { 'aria-hidden': 'true' } },
      el('span', {}, formatDate(buckets[0].from)),
      el('span', {}, formatDate(buckets[buckets.length - 1].to))),
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
    if (commit) onRange(buckets[lo].from, buckets[hi].to);
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
