/* global document */
// Tiny DOM helpers: the page has no framework.

export const $ = (selector) => document.querySelector(selector);

/** Creates an element with properties/attributes and children. */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key in node) node[key] = value;
    else node.setAttribute(key, value);
  }
  node.append(...children);
  return node;
}

/** Appends a line to the live activity log (newest first). */
export function logActivity(text) {
  const log = $('#log');
  log.prepend(el('li', {}, `${new Date().toLocaleTimeString()} · ${text}`));
  while (log.children.length > 50) log.lastChild.remove();
}
