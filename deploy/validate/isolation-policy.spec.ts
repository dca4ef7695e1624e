import { describe, expect, it } from 'vitest';
import { checkIsolation } from './isolation-policy.js';
import { defaultDeny, deployment, networkPolicy } from './test-objects.js';

const authApp = deployment('auth', { 'shopwire.io/part': 'auth' });
const authDb = deployment('auth-db', { 'shopwire.io/part': 'auth', tier: 'db' });
const storeApp = deployment('store', { 'shopwire.io/part': 'store' });
const storeDb = deployment('store-db', { 'shopwire.io/part': 'store', tier: 'db' });
const workloads = [authApp, authDb, storeApp, storeDb];

/** Each side's pods may talk to their own side's pods only. */
const sidePolicies = ['auth', 'store'].map((part) =>
  networkPolicy(`${part}-only`, {
    podSelector: { matchLabels: { 'shopwire.io/part': part } },
    policyTypes: ['Ingress', 'Egress'],
    ingress: [{ from: [{ podSelector: { matchLabels: { 'shopwire.io/part': part } } }] }],
    egress: [{ to: [{ podSelector: { matchLabels: { 'shopwire.io/part': part } } }] }],
  }),
);

describe('checkIsolation', () => {
  it('accepts sides that only reach themselves', () => {
    expect(checkIsolation([...workloads, defaultDeny, ...sidePolicies])).toEqual([]);
  });

  it('reports every cross-side path when there are no policies', () => {
    const issues = checkIsolation(workloads);
    expect(issues).toContain('auth can reach store-db');
    expect(issues).toContain('store can reach auth-db');
    expect(issues).toContain('namespace shop has no default-deny NetworkPolicy (ingress and egress)');
  });

  it('reports a connection both ends allow, but not one only one end allows', () => {
    const authEgressAll = networkPolicy('auth-out', {
      podSelector: { matchLabels: { 'app.kubernetes.io/name': 'auth' } },
      policyTypes: ['Egress'],
      egress: [{}],
    });
    expect(checkIsolation([...workloads, defaultDeny, ...sidePolicies, authEgressAll])).toEqual([
      'auth may open connections to any address',
    ]);
    const storeDbFromAnywhere = networkPolicy('db-in', {
      podSelector: { matchLabels: { tier: 'db' } },
      ingress: [{ from: [{ namespaceSelector: {} }] }],
    });
    const issues = checkIsolation([...workloads, defaultDeny, ...sidePolicies, authEgressAll, storeDbFromAnywhere]);
    expect(issues).toContain('auth can reach store-db');
    expect(issues).not.toContain('store can reach auth-db');
  });

  it('reports external address ranges both sides may reach', () => {
    const egressTo = (part: string, cidr: string) =>
      networkPolicy(`${part}-managed`, {
        podSelector: { matchLabels: { 'shopwire.io/part': part } },
        policyTypes: ['Egress'],
        egress: [{ to: [{ ipBlock: { cidr } }] }],
      });
    const base = [...workloads, defaultDeny, ...sidePolicies];
    expect(checkIsolation([...base, egressTo('auth', '10.0.1.0/28'), egressTo('store', '10.0.2.0/28')])).toEqual([]);
    const shared = checkIsolation([...base, egressTo('auth', '10.0.0.0/16'), egressTo('store', '10.0.2.0/28')]);
    expect(shared).toContain('auth (10.0.0.0/16) and store (10.0.2.0/28) share external addresses');
  });

  it('requires every workload to declare its side', () => {
    expect(checkIsolation([deployment('stray', {}), defaultDeny])).toEqual([
      'Deployment/stray: pods need label shopwire.io/part=auth|store',
    ]);
  });
});
