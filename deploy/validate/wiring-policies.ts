// Cross-object references that kubectl accepts but that leave traffic going nowhere: Services that
// select no pods (or a port no container opens), Deployments without a Service, HPAs, PDBs and
// Ingress rules pointing at objects that do not exist.
import type { IService } from 'kubernetes-models/v1/Service';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { describe, podTemplatesOf, type K8sObject, type PodTemplate } from './k8s-object.js';
import { selectorMatches, serviceSelects } from './label-selector.js';

const ofKind = <T>(objects: K8sObject[], kind: string) => objects.filter((o) => o.kind === kind) as (K8sObject & T)[];

export function checkWiring(objects: K8sObject[]): string[] {
  const templates = podTemplatesOf(objects);
  const services = ofKind<IService>(objects, 'Service');
  return [
    ...services.flatMap((service) => serviceIssues(service, templates)),
    ...deploymentsWithoutService(templates, services),
    ...ofKind<IHorizontalPodAutoscaler>(objects, 'HorizontalPodAutoscaler').flatMap((hpa) => {
      const { kind, name } = hpa.spec!.scaleTargetRef;
      const found = objects.some((o) => o.kind === kind && o.metadata.name === name);
      return found ? [] : [`${describe(hpa)}: scales ${kind}/${name}, which does not exist`];
    }),
    ...ofKind<IPodDisruptionBudget>(objects, 'PodDisruptionBudget').flatMap((pdb) => {
      const covers = templates.some((t) => selectorMatches(pdb.spec?.selector ?? { matchLabels: {} }, t.labels));
      return covers ? [] : [`${describe(pdb)}: selects no pods`];
    }),
    ...ofKind<IIngress>(objects, 'Ingress').flatMap((ingress) => ingressIssues(ingress, services)),
  ];
}

function serviceIssues(service: K8sObject & IService, templates: PodTemplate[]): string[] {
  const selected = templates.filter((t) => serviceSelects(service.spec?.selector, t.labels));
  if (selected.length === 0) return [`${describe(service)}: selector matches no workload's pod labels`];
  const containerPorts = selected.flatMap((t) => t.spec.containers.flatMap((c) => c.ports ?? []));
  return (service.spec?.ports ?? []).flatMap((port) => {
    const target = port.targetPort ?? port.port;
    const opened = containerPorts.some((p) => p.containerPort === target || p.name === target);
    return opened ? [] : [`${describe(service)}: targetPort ${target} is not a container port of the selected pods`];
  });
}

function deploymentsWithoutService(templates: PodTemplate[], services: (K8sObject & IService)[]): string[] {
  return templates
    .filter((t) => ['Deployment', 'StatefulSet'].includes(t.owner.kind))
    .filter((t) => !services.some((s) => serviceSelects(s.spec?.selector, t.labels)))
    .map((t) => `${describe(t.owner)}: no Service selects its pods`);
}

function ingressIssues(ingress: K8sObject & IIngress, services: (K8sObject & IService)[]): string[] {
  const backends = (ingress.spec?.rules ?? []).flatMap((rule) => rule.http?.paths.map((p) => p.backend.service) ?? []);
  return backends.flatMap((backend) => {
    const service = services.find((s) => s.metadata.name === backend?.name);
    if (!backend || !service) return [`${describe(ingress)}: backend service ${backend?.name} does not exist`];
    const port = service.spec?.ports?.find((p) => p.name === backend.port?.name || p.port === backend.port?.number);
    return port ? [] : [`${describe(ingress)}: service ${backend.name} has no port ${JSON.stringify(backend.port)}`];
  });
}
