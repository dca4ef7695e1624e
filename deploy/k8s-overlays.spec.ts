// Renders each overlay with kubectl's kustomize and holds it to the schemas and policies; then
// proves the validators bite, with deliberately broken overlays from deploy/fixtures/k8s.
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_PORTS, APPS } from './validate/apps.js';
import type { K8sObject } from './validate/k8s-object.js';
import { assertKubectl, renderKustomization } from './validate/render.js';
import { validateManifests } from './validate/validate-manifests.js';

// Rendering runs kubectl; each overlay is rendered once per file.
const rendered = new Map<string, K8sObject[]>();
const render = (dir: string) => rendered.get(dir) ?? rendered.set(dir, renderKustomization(dir)).get(dir)!;

const find = (objects: K8sObject[], kind: string, name: string) =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rendered manifests of many kinds, read by path in assertions
  objects.find((o) => o.kind === kind && o.metadata.name === name) as K8sObject & { spec: any };

it('has kubectl (with kustomize) installed', () => {
  expect(() => assertKubectl()).not.toThrow();
  expect(() => assertKubectl('/nonexistent/kubectl')).toThrow(/kubectl not found at \/nonexistent\/kubectl: install/);
});

describe.each(['dev', 'prod'])('overlay %s', (overlay) => {
  let objects: K8sObject[];
  beforeAll(() => {
    objects = render(`k8s/overlays/${overlay}`);
  });

  it('passes the strict schemas and every policy', async () => {
    expect(await validateManifests(objects)).toEqual([]);
  });

  it('runs each app from its pinned image on its port, realtime as a websocket service', () => {
    for (const app of APPS) {
      const container = find(objects, 'Deployment', app).spec.template.spec.containers[0];
      expect(container.image).toBe(`shopwire/${app}:0.1.0`);
      expect(container.ports).toEqual([{ name: 'http', containerPort: APP_PORTS[app] }]);
    }
    expect(find(objects, 'Service', 'realtime').spec.ports[0].appProtocol).toBe('kubernetes.io/ws');
    expect(find(objects, 'PodDisruptionBudget', 'realtime')).toBeDefined();
    const scaled = objects.filter((o) => o.kind === 'HorizontalPodAutoscaler').map((o) => o.metadata.name);
    expect(scaled.sort()).toEqual(APPS.filter((app) => app !== 'worker').sort());
  });

  it('keeps the worker alive longer than its longest job on shutdown', () => {
    const grace = (app: string) => find(objects, 'Deployment', app).spec.template.spec.terminationGracePeriodSeconds;
    expect(grace('worker')).toBeGreaterThanOrEqual(120);
  });

  it('migrates each database with its own Job', () => {
    expect(find(objects, 'Job', 'migrate-auth').spec.template.spec.containers[0].command).toEqual([
      'node',
      'dist/scripts/migrate-auth.js',
    ]);
    expect(find(objects, 'Job', 'migrate-store').spec.template.spec.containers[0].command).toEqual([
      'node',
      'dist/scripts/migrate-store.js',
    ]);
  });
});

it('runs databases and Redis in-cluster, with generated placeholder Secrets, in dev only', () => {
  const dev = render('k8s/overlays/dev');
  const prod = render('k8s/overlays/prod');
  const kinds = (objects: K8sObject[], kind: string) =>
    objects.filter((o) => o.kind === kind).map((o) => o.metadata.name);
  expect(kinds(dev, 'StatefulSet')).toEqual(['auth-db', 'redis', 'store-db']);
  expect(kinds(prod, 'StatefulSet')).toEqual([]);
  expect(kinds(prod, 'Secret')).toEqual([]);
  // shopwire-jwt, shopwire-owner, shopwire-push, auth-db, store-db, store-redis
  expect(kinds(dev, 'Secret').length).toBe(6);
});

describe.each([
  [
    'unknown-field',
    'Deployment/customer: /spec/template/spec/containers/0/readinessProbe/periodSecond is not a known field',
  ],
  ['missing-probe', 'Deployment/courier: container courier has no livenessProbe'],
  ['open-network-policy', 'auth can reach store-db'],
])('the broken overlay deploy/fixtures/k8s/%s', (fixture, issue) => {
  it('fails validation', async () => {
    const issues = await validateManifests(renderKustomization(`deploy/fixtures/k8s/${fixture}`));
    expect(issues).toContain(issue);
  });
});
