// Which pods may talk to which, computed from NetworkPolicies the way the API defines it: a
// connection needs the source's egress AND the destination's ingress to allow it; a pod no policy
// selects (for that direction) is open in that direction.
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { INetworkPolicyPeer } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPeer';
import { DEFAULT_NAMESPACE, type K8sObject, type PodTemplate } from './k8s-object.js';
import { selectorMatches } from './label-selector.js';

type Direction = 'Ingress' | 'Egress';
type Policy = INetworkPolicy & { metadata: { name: string; namespace?: string } };

/** Where a pod sits: its namespace's labels matter for namespaceSelector peers. */
export interface PodEndpoint {
  name: string;
  namespace: string;
  labels: Record<string, string>;
}

export class NetworkModel {
  private readonly policies: Policy[];
  private readonly namespaceLabels = new Map<string, Record<string, string>>();

  constructor(objects: K8sObject[]) {
    this.policies = objects.filter((o) => o.kind === 'NetworkPolicy') as unknown as Policy[];
    for (const o of objects.filter((o) => o.kind === 'Namespace')) {
      // The API server sets this label on every namespace; selectors across namespaces rely on it.
      this.namespaceLabels.set(o.metadata.name, {
        ...o.metadata.labels,
        'kubernetes.io/metadata.name': o.metadata.name,
      });
    }
  }

  canReach(source: PodEndpoint, destination: PodEndpoint): boolean {
    return this.allows('Egress', source, destination) && this.allows('Ingress', destination, source);
  }

  /** CIDRs a pod may open connections to outside the cluster; undefined means "anywhere". */
  egressCidrs(source: PodEndpoint): string[] | undefined {
    const selecting = this.selecting('Egress', source);
    if (selecting.length === 0) return undefined;
    const cidrs: string[] = [];
    for (const rule of selecting.flatMap((p) => p.spec?.egress ?? [])) {
      if (!rule.to || rule.to.length === 0) return undefined;
      for (const peer of rule.to) if (peer.ipBlock) cidrs.push(peer.ipBlock.cidr);
    }
    return cidrs;
  }

  /** Does `pod`'s side of the connection (its egress or ingress) admit `peer`? */
  private allows(direction: Direction, pod: PodEndpoint, peer: PodEndpoint): boolean {
    const selecting = this.selecting(direction, pod);
    if (selecting.length === 0) return true;
    return selecting.some((policy) => {
      const rules =
        direction === 'Egress'
          ? (policy.spec?.egress ?? []).map((r) => r.to)
          : (policy.spec?.ingress ?? []).map((r) => r.from);
      return rules.some(
        (peers) => !peers || peers.length === 0 || peers.some((p) => this.peerMatches(p, policy, peer)),
      );
    });
  }

  private selecting(direction: Direction, pod: PodEndpoint): Policy[] {
    return this.policies.filter(
      (policy) =>
        (policy.metadata.namespace ?? DEFAULT_NAMESPACE) === pod.namespace &&
        selectorMatches(policy.spec?.podSelector ?? {}, pod.labels) &&
        policyTypes(policy).includes(direction),
    );
  }

  private peerMatches(peer: INetworkPolicyPeer, policy: Policy, pod: PodEndpoint): boolean {
    if (peer.ipBlock) return false; // pod IPs are not addressed by CIDR in these manifests
    const namespaceOk = peer.namespaceSelector
      ? selectorMatches(peer.namespaceSelector, this.namespaceLabels.get(pod.namespace) ?? namespaceDefaults(pod))
      : pod.namespace === (policy.metadata.namespace ?? DEFAULT_NAMESPACE);
    return namespaceOk && selectorMatches(peer.podSelector ?? {}, pod.labels);
  }
}

/** Defaults per the API: Ingress always, Egress when the policy has egress rules. */
function policyTypes(policy: Policy): Direction[] {
  if (policy.spec?.policyTypes) return policy.spec.policyTypes as Direction[];
  return policy.spec?.egress ? ['Ingress', 'Egress'] : ['Ingress'];
}

function namespaceDefaults(pod: PodEndpoint): Record<string, string> {
  return { 'kubernetes.io/metadata.name': pod.namespace };
}

export function endpointOf(template: PodTemplate): PodEndpoint {
  return { name: template.owner.metadata.name, namespace: template.namespace, labels: template.labels };
}
