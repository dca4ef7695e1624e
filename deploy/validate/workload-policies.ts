// Per-container rules every workload must follow: probes, resources, a locked-down security
// context, and images pinned to a version.
import type { IContainer } from 'kubernetes-models/v1/Container';
import { describe, isLongRunning, podTemplatesOf, type K8sObject, type PodTemplate } from './k8s-object.js';

export function checkWorkloads(objects: K8sObject[]): string[] {
  return podTemplatesOf(objects).flatMap((template) => {
    const containers = [...(template.spec.initContainers ?? []), ...template.spec.containers];
    return [
      ...podSecurityIssues(template),
      ...containers.flatMap((container) =>
        containerIssues(container, template).map(
          (issue) => `${describe(template.owner)}: container ${container.name} ${issue}`,
        ),
      ),
    ];
  });
}

function containerIssues(container: IContainer, template: PodTemplate): string[] {
  const issues: string[] = [];
  const isInit = template.spec.initContainers?.includes(container) ?? false;
  if (isLongRunning(template) && !isInit) {
    if (!container.livenessProbe) issues.push('has no livenessProbe');
    if (!container.readinessProbe) issues.push('has no readinessProbe');
  }
  const { requests, limits } = container.resources ?? {};
  for (const resource of ['cpu', 'memory']) {
    if (!requests?.[resource]) issues.push(`has no ${resource} request`);
    if (!limits?.[resource]) issues.push(`has no ${resource} limit`);
  }
  issues.push(...securityIssues(container, template));
  const imageIssue = unpinnedImage(container.image);
  if (imageIssue) issues.push(imageIssue);
  return issues;
}

function securityIssues(container: IContainer, template: PodTemplate): string[] {
  const context = container.securityContext ?? {};
  const runAsNonRoot = context.runAsNonRoot ?? template.spec.securityContext?.runAsNonRoot;
  const issues: string[] = [];
  if (runAsNonRoot !== true) issues.push('may run as root (set runAsNonRoot: true)');
  if (context.allowPrivilegeEscalation !== false) issues.push('allows privilege escalation');
  if (context.readOnlyRootFilesystem !== true) issues.push('has a writable root filesystem');
  if (!context.capabilities?.drop?.includes('ALL')) issues.push('does not drop ALL capabilities');
  return issues;
}

function podSecurityIssues(template: PodTemplate): string[] {
  const runAsUser = template.spec.securityContext?.runAsUser;
  return runAsUser === 0 ? [`${describe(template.owner)}: pod runs as uid 0`] : [];
}

/** An image must name a tag other than `latest` (or a digest): what runs is what was tested. */
export function unpinnedImage(image: string | undefined): string | undefined {
  if (!image) return 'has no image';
  if (image.includes('@sha256:')) return undefined;
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  const tag = lastSegment.includes(':') ? lastSegment.slice(lastSegment.indexOf(':') + 1) : undefined;
  if (!tag) return `uses image ${image} without a tag`;
  if (tag === 'latest') return `uses image ${image} with the tag latest`;
  return undefined;
}
