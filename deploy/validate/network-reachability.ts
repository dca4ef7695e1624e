// Which pods may talk to which, computed from NetworkPolicies the way the API defines it: a
// connection needs the source's egress AND the destination's ingress to allow it; a pod no policy
// selects (for that direction) is open in that direction.
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { INetworkPolicyPeer } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPeer';
import { blockAdmits, type IpBlock } from './cidr.js';
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

  /** Address blocks a pod may open connections to outside the cluster; undefined means "anywhere". */
  egressCidrs(source: PodEndpoint): IpBlock[] | undefined {
    const selecting = this.selecting('Egress', source);
    if (selecting.length === 0) return undefined;
    const blocks: IpBlock[] = [];
    for (const rule of selecting.flatMap((p) => p.spec?.egress ?? [])) {
      if (!rule.to || rule.to.length === 0) return undefined;
      for (const peer of rule.to) if (peer.ipBlock) blocks.push(peer.ipBlock);
    }
    return blocks;
  }

  /**
   * Whether `source` may open a `protocol` connection to `port` of an address outside the cluster
   * (`target` an IPv4 address) or of a pod (then the pod's ingress must admit it too). Ports are
   * compared by number, as these manifests write egress ports.
   */
  canOpen(source: PodEndpoint, target: string | PodEndpoint, port: number, protocol: 'TCP' | 'UDP'): boolean {
    const selecting = this.selecting('Egress', source);
    const egress =
      selecting.length === 0 ||
      selecting.some((policy) =>
        (policy.spec?.egress ?? []).some(
          (rule) =>
            (!rule.ports?.length ||
              rule.ports.some((p) => (p.protocol ?? 'TCP') === protocol && (p.port === undefined || p.port === port))) &&
            (!rule.to?.length ||
              rule.to.some((peer) =>
                typeof target === 'string'
                  ? peer.ipBlock !== undefined && blockAdmits(peer.ipBlock, target)
                  : this.peerMatches(peer, policy, target),
              )),
        ),
      );
    return egress && (typeof target === 'string' || this.allows('Ingress', target, source));
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
