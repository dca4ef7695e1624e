// The environment variables a workload's first container starts with, as the kubelet would build
// them from the rendered objects: `envFrom` ConfigMaps/Secrets first, then `env` entries (literal
// or from a ConfigMap/Secret key) overriding them.
import type { K8sObject } from './k8s-object.js';

interface KeyRef {
  name: string;
  key: string;
}
interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { configMapKeyRef?: KeyRef; secretKeyRef?: KeyRef };
}
interface Container {
  env?: EnvVar[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
}

/** `withoutSecrets`: for overlays whose Secrets come from outside (prod); their keys are then absent. */
export interface EnvironmentOptions {
  withoutSecrets?: boolean;
}

function entriesOf(
  objects: K8sObject[],
  kind: 'ConfigMap' | 'Secret',
  name: string,
  options: EnvironmentOptions,
): Record<string, string> {
  const object = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!object && kind === 'Secret' && options.withoutSecrets) return {};
  if (!object) throw new Error(`${kind}/${name} is referenced but not rendered`);
  if (kind === 'ConfigMap') return { ...((object.data as Record<string, string>) ?? {}) };
  const data = (object.data as Record<string, string>) ?? {};
  const decoded = Object.entries(data).map(([key, value]) => [key, Buffer.from(value, 'base64').toString('utf8')]);
  return { ...Object.fromEntries(decoded), ...((object.stringData as Record<string, string>) ?? {}) };
}

export function podEnvironment(
  objects: K8sObject[],
  kind: string,
  name: string,
  options: EnvironmentOptions = {},
): Record<string, string> {
  const workload = objects.find((o) => o.kind === kind && o.metadata.name === name) as
    | (K8sObject & { spec: { template: { spec: { containers: Container[] } } } })
    | undefined;
  if (!workload) throw new Error(`${kind}/${name} is not rendered`);
  const container = workload.spec.template.spec.containers[0]!;
  const env: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef) Object.assign(env, entriesOf(objects, 'ConfigMap', source.configMapRef.name, options));
    if (source.secretRef) Object.assign(env, entriesOf(objects, 'Secret', source.secretRef.name, options));
  }
  for (const variable of container.env ?? []) {
    const { configMapKeyRef, secretKeyRef } = variable.valueFrom ?? {};
    if (variable.value !== undefined) env[variable.name] = variable.value;
    else if (configMapKeyRef) {
      env[variable.name] = entriesOf(objects, 'ConfigMap', configMapKeyRef.name, options)[configMapKeyRef.key]!;
    } else if (secretKeyRef) {
      const value = entriesOf(objects, 'Secret', secretKeyRef.name, options)[secretKeyRef.key];
      if (value !== undefined) env[variable.name] = value;
    }
  }
  return env;
}
