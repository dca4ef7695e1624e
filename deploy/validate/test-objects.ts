// Minimal valid objects for the validators' unit tests (tests only).
import type { K8sObject } from './k8s-object.js';

export function deployment(name: string, labels: Record<string, string>, container: Record<string, unknown> = {}) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'shop' },
    spec: {
      selector: { matchLabels: { 'app.kubernetes.io/name': name } },
      template: {
        metadata: { labels: { 'app.kubernetes.io/name': name, ...labels } },
        spec: {
          containers: [
            {
              name,
              image: `shop/${name}:1.0.0`,
              ports: [{ name: 'http', containerPort: 8080 }],
              livenessProbe: { httpGet: { path: '/health/live', port: 'http' } },
              readinessProbe: { httpGet: { path: '/health/ready', port: 'http' } },
              resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '1', memory: '256Mi' } },
              securityContext: {
                runAsNonRoot: true,
                allowPrivilegeEscalation: false,
                readOnlyRootFilesystem: true,
                capabilities: { drop: ['ALL'] },
              },
              ...container,
            },
          ],
        },
      },
    },
  } satisfies K8sObject;
}

export function networkPolicy(name: string, spec: Record<string, unknown>): K8sObject {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace: 'shop' }, spec };
}

export const defaultDeny = networkPolicy('default-deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
