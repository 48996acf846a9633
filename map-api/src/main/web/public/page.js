// What both pages share: building elements from data as text only (never innerHTML), and the
// API token, taken once from ?token= and then kept for this tab only, out of the address bar, and
// sent with every read of this server's: the API, the map's tiles and the live stream.

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

/** The header that carries the token, or none. */
export const bearer = token => (token ? { Authorization: 'Bearer ' + token } : {});

/** MapLibre's transformRequest: the token (from token()) goes with requests to this server only, never elsewhere. */
export const withToken = token => url =>
  (new URL(url, location.href).origin === location.origin ? { url, headers: bearer(token()) } : { url });

/**
 * A server-sent event stream read with fetch, because EventSource sends no Authorization header:
 * each event's data goes to on[its name]. A stream that ends or fails is opened again after 1 s,
 * the wait doubling up to 30 s while it keeps failing (a server restarting is not hammered).
 */
export function liveEvents(path, token, on) {
  let wait = 1000;
  const again = () => { setTimeout(connect, wait); wait = Math.min(wait * 2, 30000); };
  async function connect() {
    try {
      const r = await fetch(path, { headers: { Accept: 'text/event-stream', ...bearer(token()) }, cache: 'no-store' });
      if (!r.ok) return again();
      wait = 1000;
      const reader = r.body.pipeThrough(new TextDecoderStream()).getReader();
      let rest = '', event = '', data = [];
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        const lines = (rest + chunk.value).split('\n');
        rest = lines.pop(); // a line not yet ended waits for the next chunk
        for (const raw of lines) {
          const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
          if (line === '') { // a blank line ends an event
            // (handed on outside this reader, so that a handler's error shows as the page's, not as a broken stream)
            const handle = on[event || 'message'], text = data.join('\n');
            if (handle && data.length) queueMicrotask(() => handle(text));
            event = '';
            data = [];
          } else if (!line.startsWith(':')) { // (a line starting with a colon is a comment)
            const colon = line.indexOf(':'), field = colon < 0 ? line : line.slice(0, colon);
            const value = colon < 0 ? '' : line.slice(colon + (line[colon + 1] === ' ' ? 2 : 1));
            if (field === 'event') event = value; else if (field === 'data') data.push(value);
          }
        }
      }
    } catch {
      // the connection broke: opened again below, like a stream the server ended
    }
    again();
  }
  connect();
}
