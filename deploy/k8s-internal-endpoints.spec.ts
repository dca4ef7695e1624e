// Internal endpoints stay internal in Kubernetes (issue 18, ADR 0018): through the Ingress /metrics
// and the API docs reach the app only as a path it answers 404, while Prometheus, in namespace
// `monitoring`, may reach every pod's own port and finds it by the pods' annotations.
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_PORTS, APPS } from './validate/apps.js';
import { ingressHosts, routeOf } from './validate/ingress-routing.js';
import { podTemplatesOf, type K8sObject } from './validate/k8s-object.js';
import { endpointOf, NetworkModel, type PodEndpoint } from './validate/network-reachability.js';
import { renderKustomization } from './validate/render.js';

const HIDDEN = '/not-found';
const METRICS_PATHS = ['/metrics', '/metrics/', '/metrics/cluster'];
const DOCS_PATHS = ['/docs', '/docs/', '/docs-json', '/docs/swagger-ui-init.js', '/docs/swagger-ui.css'];
const PUBLIC_PATHS = ['/', '/login', '/search', '/health/live', '/queues', '/config.json', '/socket.io/'];
const PROMETHEUS: PodEndpoint = {
  name: 'prometheus',
  namespace: 'monitoring',
  labels: { 'app.kubernetes.io/name': 'prometheus' },
};

const upstreamPaths = (objects: K8sObject[], paths: string[]) =>
  ingressHosts(objects).flatMap((host) => paths.map((path) => `${host}${path} → ${routeOf(objects, host, path)?.upstreamPath}`));

describe.each(['dev', 'prod'])('overlay %s', (overlay) => {
  let objects: K8sObject[];
  beforeAll(() => {
    objects = renderKustomization(`k8s/overlays/${overlay}`);
  });

  it('serves every host', () => {
    expect(ingressHosts(objects).length).toBe(5);
  });

  it('never hands /metrics or the API docs to an app through the Ingress', () => {
    const paths = upstreamPaths(objects, [...METRICS_PATHS, ...DOCS_PATHS]);
    expect(paths.filter((line) => !line.endsWith(` → ${HIDDEN}`))).toEqual([]);
  });

  it('passes every other path through unchanged (control)', () => {
    const paths = upstreamPaths(objects, PUBLIC_PATHS);
    expect(paths.filter((line) => !/(\/\S*) → \1$/.test(line.replace(/^[^/]+/, '')))).toEqual([]);
  });

  it('lets Prometheus reach every app on its own port, announced on the pod', () => {
    const model = new NetworkModel(objects);
    for (const app of APPS) {
      const template = podTemplatesOf(objects).find((t) => t.owner.kind === 'Deployment' && t.owner.metadata.name === app)!;
      expect(model.canReach(PROMETHEUS, endpointOf(template)), app).toBe(true);
      const annotations = (template.owner.spec as { template: { metadata: { annotations?: Record<string, string> } } })
        .template.metadata.annotations;
      expect(annotations, app).toMatchObject({
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': String(APP_PORTS[app]),
        'prometheus.io/path': '/metrics',
      });
    }
  });
});

it('publishes the API docs only with the opt-in component, and /metrics never', () => {
  const objects = renderKustomization('deploy/fixtures/k8s/public-api-docs');
  expect(upstreamPaths(objects, DOCS_PATHS).filter((line) => line.endsWith(` → ${HIDDEN}`))).toEqual([]);
  expect(upstreamPaths(objects, METRICS_PATHS).every((line) => line.endsWith(` → ${HIDDEN}`))).toBe(true);
});
