// The platform's one hard network rule, computed from the rendered NetworkPolicies: the auth side
// (auth app, its migration, its database) and the store side (store apps, store DB, Redis) cannot
// open a connection to each other, inside the cluster or through shared external addresses.
import { blockAdmits, type IpBlock } from './cidr.js';
import { describe, namespaceOf, podTemplatesOf, type K8sObject } from './k8s-object.js';
import { endpointOf, NetworkModel, type PodEndpoint } from './network-reachability.js';
import { selectorMatches } from './label-selector.js';

export const PART_LABEL = 'shopwire.io/part';
const PARTS = ['auth', 'store'] as const;

export function checkIsolation(objects: K8sObject[]): string[] {
  const model = new NetworkModel(objects);
  const templates = podTemplatesOf(objects);
  const issues = templates
    .filter((t) => !PARTS.includes(t.labels[PART_LABEL] as (typeof PARTS)[number]))
    .map((t) => `${describe(t.owner)}: pods need label ${PART_LABEL}=auth|store`);
  const side = (part: string) => templates.filter((t) => t.labels[PART_LABEL] === part).map(endpointOf);
  const [auth, store] = PARTS.map(side);

  for (const [from, to] of [
    [auth, store],
    [store, auth],
  ] as const) {
    for (const source of from) {
      for (const destination of to) {
        if (model.canReach(source, destination)) issues.push(`${source.name} can reach ${destination.name}`);
      }
    }
  }
  issues.push(...externalOverlap(model, auth, store));
  issues.push(...missingDefaultDeny(objects, [...auth, ...store]));
  return issues;
}

/** Managed databases live outside the cluster: the two sides' egress CIDRs must be disjoint. */
function externalOverlap(model: NetworkModel, auth: PodEndpoint[], store: PodEndpoint[]): string[] {
  const issues: string[] = [];
  const cidrs = new Map<PodEndpoint, IpBlock[]>();
  for (const pod of [...auth, ...store]) {
    const reachable = model.egressCidrs(pod);
    if (reachable === undefined) issues.push(`${pod.name} may open connections to any address`);
    else cidrs.set(pod, reachable);
  }
  for (const a of auth) {
    for (const s of store) {
      for (const x of cidrs.get(a) ?? []) {
        for (const y of cidrs.get(s) ?? []) {
          // Approximate but enough here: each block admits (part of) the other's range.
          if (blockAdmits(x, y.cidr) && blockAdmits(y, x.cidr)) {
            issues.push(`${a.name} (${x.cidr}) and ${s.name} (${y.cidr}) share external addresses`);
          }
        }
      }
    }
  }
  return issues;
}

function missingDefaultDeny(objects: K8sObject[], pods: PodEndpoint[]): string[] {
  const namespaces = new Set(pods.map((p) => p.namespace));
  const denies = objects.filter((o) => {
    const spec = o.spec as { podSelector?: object; policyTypes?: string[]; ingress?: unknown[]; egress?: unknown[] };
    return (
      o.kind === 'NetworkPolicy' &&
      // A selector that matches a pod without labels is the empty one: it selects every pod.
      selectorMatches(spec.podSelector ?? {}, {}) &&
      spec.policyTypes?.includes('Ingress') &&
      spec.policyTypes?.includes('Egress') &&
      !spec.ingress?.length &&
      !spec.egress?.length
    );
  });
  return [...namespaces]
    .filter((ns) => !denies.some((d) => namespaceOf(d) === ns))
    .map((ns) => `namespace ${ns} has no default-deny NetworkPolicy (ingress and egress)`);
}
