/* global atob */
// Calls to the HTTP services (auth, customer, courier); base URLs come from /config.json.

/** A JSON request; resolves to the parsed body, throws an Error carrying the contract's message. */
export async function request(url, { token, method = 'GET', body } = {}) {
  const response = await fetch(url, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) throw new Error(data?.message ?? data?.msg ?? `HTTP ${response.status}`);
  return data;
}

/** The claims of a JWT (no verification: the services verify; the page only reads role and email). */
export function readClaims(token) {
  const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(atob(payload));
}

export async function loadConfig() {
  return request('/config.json');
}
