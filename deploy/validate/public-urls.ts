// The web page calls the services at the URLs realtime serves it in /config.json (its
// `<SERVICE>_PUBLIC_URL` settings). In a cluster each must be that service's Ingress address
// (https where the Ingress has TLS for the host), set explicitly — an unset one falls back to a
// developer's http://localhost:500x — and each service must grant the page's origin CORS.
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { K8sObject } from './k8s-object.js';
import { podEnvironment } from './pod-environment.js';

/** `https://host` of the Ingress rule that routes to `service`, if any. */
export function ingressUrl(objects: K8sObject[], service: string): string | undefined {
  for (const ingress of objects.filter((o) => o.kind === 'Ingress') as (K8sObject & IIngress)[]) {
    for (const rule of ingress.spec?.rules ?? []) {
      if (!rule.http?.paths.some((path) => path.backend.service?.name === service)) continue;
      const tls = (ingress.spec?.tls ?? []).some((entry) => entry.hosts?.includes(rule.host ?? ''));
      return `${tls ? 'https' : 'http'}://${rule.host}`;
    }
  }
  return undefined;
}

/** `keys`: the `*_PUBLIC_URL` settings the realtime app reads (from its own config). */
export function publicUrlIssues(objects: K8sObject[], keys: string[]): string[] {
  const env = (app: string) => podEnvironment(objects, 'Deployment', app, { withoutSecrets: true });
  const page = ingressUrl(objects, 'realtime');
  const realtime = env('realtime');
  const issues: string[] = [];
  for (const key of keys) {
    const service = key.replace(/_PUBLIC_URL$/, '').toLowerCase();
    const expected = ingressUrl(objects, service);
    if (realtime[key] !== expected) {
      issues.push(`realtime ${key} is ${realtime[key] ?? 'unset'}, the ${service} Ingress serves ${expected}`);
    }
    const origins = (env(service).CORS_ORIGINS ?? '').split(',').map((origin) => origin.trim());
    if (!page || !origins.includes(page)) issues.push(`${service} CORS_ORIGINS does not grant the page (${page})`);
  }
  return issues;
}
