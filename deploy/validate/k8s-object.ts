// The shape of a rendered manifest as the validators read it, and where each workload keeps its pods.
import type { IObjectMeta } from '@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: IObjectMeta & { name: string };
  [field: string]: unknown;
}

/** The pods a workload creates: who owns them, their labels and spec. */
export interface PodTemplate {
  owner: K8sObject;
  namespace: string;
  labels: Record<string, string>;
  spec: IPodSpec;
}

export const DEFAULT_NAMESPACE = 'default';

export function describe(object: K8sObject): string {
  return `${object.kind}/${object.metadata.name}`;
}

export function namespaceOf(object: K8sObject): string {
  return object.metadata.namespace ?? DEFAULT_NAMESPACE;
}

interface TemplateSpec {
  metadata?: { labels?: Record<string, string> };
  spec: IPodSpec;
}

/** The pod template of a Deployment, StatefulSet, DaemonSet, ReplicaSet, Job or CronJob. */
export function podTemplateOf(object: K8sObject): PodTemplate | undefined {
  const spec = object.spec as { template?: TemplateSpec; jobTemplate?: { spec: { template: TemplateSpec } } };
  const template = object.kind === 'CronJob' ? spec?.jobTemplate?.spec.template : spec?.template;
  if (!template || !['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob'].includes(object.kind)) {
    return undefined;
  }
  return {
    owner: object,
    namespace: namespaceOf(object),
    labels: template.metadata?.labels ?? {},
    spec: template.spec,
  };
}

export function podTemplatesOf(objects: K8sObject[]): PodTemplate[] {
  return objects.map(podTemplateOf).filter((template) => template !== undefined);
}

/** Long-running workloads: these need probes (a Job's pod runs to completion instead). */
export function isLongRunning(template: PodTemplate): boolean {
  return !['Job', 'CronJob'].includes(template.owner.kind);
}
