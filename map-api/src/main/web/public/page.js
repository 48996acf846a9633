// What both pages share: building elements from data as text only (never innerHTML), and the
// API token, taken once from ?token= and then kept for this tab only, out of the address bar.

/** An element with attributes and children; strings become text nodes, so data is never parsed as HTML. */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v; else if (k === 'dataset') Object.assign(e.dataset, v); else e.setAttribute(k, v);
  }
  for (const c of children.flat()) if (c !== undefined && c !== null) e.append(c instanceof Node ? c : String(c));
  return e;
}

/** Replaces the children of the element with these. */
export function fill(parent, ...children) {
  parent.replaceChildren(...children.flat().filter(c => c !== undefined && c !== null));
}

const TOKEN_KEY = 'gridatlas-token';

/** The token: from ?token= once (then removed from the address bar and history), else this tab's session. */
export function takeToken() {
  const url = new URL(location.href);
  const given = url.searchParams.get('token');
  if (given !== null) {
    sessionStorage.setItem(TOKEN_KEY, given);
    url.searchParams.delete('token');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  }
  return sessionStorage.getItem(TOKEN_KEY) || '';
}

export function keepToken(token) {
  if (token) sessionStorage.setItem(TOKEN_KEY, token); else sessionStorage.removeItem(TOKEN_KEY);
}
