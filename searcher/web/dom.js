// Building the page without ever parsing untrusted text as HTML: every string from a report or a
// query goes in as a text node. The one kind of markup the API sends (snippets and titles, escaped
// by the server, with matches in <mark>) is rebuilt from text nodes and <mark> elements here.

/**
 * @return a new element. `props` are set as properties (className, href, hidden...), except
 * `attrs` (set with setAttribute), `dataset` and `on` (event listeners). Children are nodes or
 * strings; strings become text nodes.
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  const { attrs = {}, dataset = {}, on = {}, ...rest } = props;
  Object.assign(node, rest);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== null && value !== undefined && value !== false) node.setAttribute(name, String(value));
  }
  Object.assign(node.dataset, dataset);
  for (const [event, handler] of Object.entries(on)) node.addEventListener(event, handler);
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

/** Replaces a node's children. */
export function replaceChildren(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

const ENTITIES = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** @return text with the five escapes of the server's html_escape() undone. */
export function unescapeHtml(text) {
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]);
}

/**
 * @return a fragment of text nodes and <mark> elements from the API's escaped HTML (snippet,
 * title_html). Any other markup stays visible as text: nothing in it can run or load.
 */
export function markedFragment(html) {
  const fragment = document.createDocumentFragment();
  const parts = String(html).split(/(<mark>|<\/mark>)/);
  let marked = false;
  for (const part of parts) {
    if (part === '<mark>') {
      marked = true;
    } else if (part === '</mark>') {
      marked = false;
    } else if (part !== '') {
      const text = document.createTextNode(unescapeHtml(part));
      fragment.append(marked ? el('mark', {}, text) : text);
    }
  }
  return fragment;
}

/** @return a date as "27 Jan 2025", "Jan 2025" or "2025"; "" stays "". */
export function formatDate(iso) {
  const parts = iso.split('-').map(Number);
  if (!iso || parts.some(Number.isNaN)) return iso;
  const [year, month = 1, day = 1] = parts;
  const options = { year: 'numeric', timeZone: 'UTC' };
  if (parts.length >= 2) options.month = 'short';
  if (parts.length >= 3) options.day = 'numeric';
  return new Intl.DateTimeFormat('en-GB', options).format(new Date(Date.UTC(year, month - 1, day)));
}

/** @return true for http and https addresses: the only ones a report's link may open. */
export function isWebUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

export function plural(count, one, many = `${one}s`) {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}
