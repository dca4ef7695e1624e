// Internal endpoints stay internal (issue 18, ADR 0018): through the published ports (the two
// gateways) /metrics and the API docs answer 404; inside the networks, where Prometheus scrapes, each
// app still serves them. A public control (/health/live 200) shows the gateway does route.

const PUBLIC_PATHS = ['/metrics', '/docs', '/docs-json', '/docs/swagger-ui-init.js'];
/** Where each app is scraped from (a container on its network that is not the app), and what it serves. */
const HTTP_APP = ['/metrics', '/docs-json'];
const INSIDE = {
  auth: { via: 'auth-gateway', port: 5000, paths: HTTP_APP },
  owner: { via: 'gateway', port: 5001, paths: HTTP_APP },
  customer: { via: 'gateway', port: 5002, paths: HTTP_APP },
  courier: { via: 'gateway', port: 5003, paths: HTTP_APP },
  realtime: { via: 'gateway', port: 5004, paths: HTTP_APP },
  worker: { via: 'gateway', port: 5005, paths: ['/metrics'] }, // health and metrics only: no API, no docs
};

/** The status line's code of an HTTP/1.0 GET from inside container `id` (bash's /dev/tcp; no Node start-up). */
async function statusInside(stack, id, host, port, path) {
  const script = `exec 3<>/dev/tcp/${host}/${port} && printf 'GET ${path} HTTP/1.0\\r\\nHost: ${host}\\r\\n\\r\\n' >&3 && head -n1 <&3`;
  const result = await stack.exec(id, ['timeout', '5', 'bash', '-c', script], { allowFail: true });
  return Number(/^HTTP\/\S+ (\d{3})/.exec(result.stdout)?.[1] ?? 0);
}

export async function checkInternalEndpoints(verdict, stack) {
  const outside = [];
  const controls = [];
  for (const [app, base] of Object.entries(stack.urls)) {
    for (const path of PUBLIC_PATHS) outside.push(`${app}${path} ${(await fetch(`${base}${path}`)).status}`);
    controls.push(`${app}/health/live ${(await fetch(`${base}/health/live`)).status}`);
  }
  verdict.check('control: every public port routes (/health/live 200)', controls.every((l) => l.endsWith(' 200')), controls.join(', '));
  verdict.check('public entry: /metrics and /docs answer 404 on every port', outside.every((l) => l.endsWith(' 404')), outside.join(', '));

  const inside = [];
  for (const [app, { via, port, paths }] of Object.entries(INSIDE)) {
    const [from] = await stack.containers(via);
    for (const path of paths) inside.push(`${app}${path} ${await statusInside(stack, from, app, port, path)}`);
  }
  verdict.check('inside the network: every app serves /metrics, every HTTP app /docs-json (200)', inside.every((l) => l.endsWith(' 200')), inside.join(', '));
}
