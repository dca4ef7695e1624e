// What kubectl and the schemas accept but a real cluster would not run (issue 18): the worker's
// Web Push traffic, the URLs the page calls, the database connection budget, and the same MariaDB
// and Redis versions as docker-compose.yml.
import { readFileSync } from 'node:fs';
import { loadAppConfig } from '@shopwire/test-support';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { budgetIssues, connectionBudget } from './validate/connection-budget.js';
import { podTemplatesOf, type K8sObject } from './validate/k8s-object.js';
import { endpointOf, NetworkModel, type PodEndpoint } from './validate/network-reachability.js';
import { podEnvironment } from './validate/pod-environment.js';
import { publicUrlIssues } from './validate/public-urls.js';
import { renderKustomization } from './validate/render.js';

const OVERLAYS = ['dev', 'prod'];
const rendered = new Map<string, K8sObject[]>();
const render = (overlay: string) =>
  rendered.get(overlay) ?? rendered.set(overlay, renderKustomization(`k8s/overlays/${overlay}`)).get(overlay)!;

/** Public addresses of push services (FCM, Mozilla autopush) and a cloud metadata/private ones. */
const PUBLIC_ADDRESSES = ['142.250.185.10', '34.117.237.239'];
const PRIVATE_ADDRESSES = ['10.10.1.1', '10.96.0.1', '172.20.0.5', '192.168.1.1', '169.254.169.254'];
const KUBE_DNS: PodEndpoint = { name: 'kube-dns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } };

describe.each(OVERLAYS)('overlay %s', (overlay) => {
  let objects: K8sObject[];
  let model: NetworkModel;
  let pods: PodEndpoint[];
  beforeAll(() => {
    objects = render(overlay);
    model = new NetworkModel(objects);
    pods = podTemplatesOf(objects).map(endpointOf);
  });
  const pod = (name: string) => pods.find((p) => p.name === name)!;

  it('lets the worker reach push services on TCP 443 and resolve their names', () => {
    for (const address of PUBLIC_ADDRESSES) expect(model.canOpen(pod('worker'), address, 443, 'TCP'), address).toBe(true);
    expect(model.canOpen(pod('worker'), KUBE_DNS, 53, 'UDP')).toBe(true);
    expect(model.canOpen(pod('worker'), KUBE_DNS, 53, 'TCP')).toBe(true);
  });

  it('opens nothing else: no other port, no private address, no other pod', () => {
    const worker = pod('worker');
    for (const port of [80, 8080, 3306, 6379, 25]) expect(model.canOpen(worker, PUBLIC_ADDRESSES[0]!, port, 'TCP')).toBe(false);
    expect(model.canOpen(worker, PUBLIC_ADDRESSES[0]!, 443, 'UDP')).toBe(false);
    for (const address of PRIVATE_ADDRESSES) expect(model.canOpen(worker, address, 443, 'TCP'), address).toBe(false);
    const others = pods.filter((p) => p.name !== 'worker' && !p.labels['app.kubernetes.io/component']?.match(/database|cache/));
    expect(others.length).toBeGreaterThan(0);
    for (const other of others) {
      expect(model.canOpen(other, PUBLIC_ADDRESSES[0]!, 443, 'TCP'), other.name).toBe(false);
    }
  });

  it('tells the page the Ingress address of every service it calls, and each grants it CORS', () => {
    // The keys come from the realtime app's own config (defaults included): a new one is checked too.
    const dev = podEnvironment(render('dev'), 'Deployment', 'realtime');
    const keys = Object.keys(loadAppConfig('realtime', dev) as object).filter((key) => key.endsWith('_PUBLIC_URL'));
    expect(keys).toEqual(expect.arrayContaining(['AUTH_PUBLIC_URL', 'OWNER_PUBLIC_URL']));
    expect(publicUrlIssues(objects, keys)).toEqual([]);
  });

  it.each(['auth', 'store'] as const)(
    'keeps every pod the %s database can see at once, at full pool, under its max_connections',
    (database) => {
      const budget = connectionBudget(objects, database);
      expect(budget.demand.length).toBeGreaterThan(0);
      expect(budgetIssues(budget)).toEqual([]);
    },
  );
});

it('runs the same MariaDB and Redis versions as docker-compose.yml', () => {
  const compose = parse(readFileSync('docker-compose.yml', 'utf8')) as { services: Record<string, { image?: string }> };
  const data = (images: string[]) => [...new Set(images.filter((image) => /^(mariadb|redis):/.test(image)))].sort();
  const composeImages = data(Object.values(compose.services).map((service) => service.image ?? ''));
  const clusterImages = data(
    podTemplatesOf(render('dev')).flatMap((template) => template.spec.containers.map((c) => c.image ?? '')),
  );
  expect(composeImages.map((image) => image.split(':')[0])).toEqual(['mariadb', 'redis']);
  expect(clusterImages).toEqual(composeImages);
});
