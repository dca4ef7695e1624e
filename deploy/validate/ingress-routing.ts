// Where a request for host + path lands, from the rendered Ingresses as the API defines matching:
// rules of every Ingress for the host pooled, an Exact path before any Prefix, the longest Prefix
// first, Prefix matching whole path elements (`/docs` matches `/docs/x`, not `/docs-json`).
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { K8sObject } from './k8s-object.js';

export const REWRITE_ANNOTATION = 'nginx.ingress.kubernetes.io/rewrite-target';

export interface IngressRoute {
  ingress: string;
  service: string;
  /** The path the backend receives: the request's, or the Ingress's rewrite target. */
  upstreamPath: string;
}

export function routeOf(objects: K8sObject[], host: string, path: string): IngressRoute | undefined {
  const candidates = (objects.filter((o) => o.kind === 'Ingress') as (K8sObject & IIngress)[]).flatMap((ingress) =>
    (ingress.spec?.rules ?? [])
      .filter((rule) => rule.host === host)
      .flatMap((rule) => rule.http?.paths ?? [])
      .filter((p) => matches(p.pathType, p.path ?? '/', path))
      .map((p) => ({ ingress, path: p.path ?? '/', exact: p.pathType === 'Exact', service: p.backend.service?.name ?? '' })),
  );
  const best = candidates.sort((a, b) => Number(b.exact) - Number(a.exact) || b.path.length - a.path.length)[0];
  if (!best) return undefined;
  const rewrite = best.ingress.metadata.annotations?.[REWRITE_ANNOTATION];
  return { ingress: best.ingress.metadata.name, service: best.service, upstreamPath: rewrite ?? path };
}

function matches(type: string, rulePath: string, path: string): boolean {
  if (type === 'Exact') return rulePath === path;
  const prefix = rulePath.replace(/\/+$/, '');
  return prefix === '' || path === prefix || path.startsWith(`${prefix}/`);
}

/** Every host an Ingress serves. */
export function ingressHosts(objects: K8sObject[]): string[] {
  const ingresses = objects.filter((o) => o.kind === 'Ingress') as (K8sObject & IIngress)[];
  return [...new Set(ingresses.flatMap((i) => (i.spec?.rules ?? []).map((r) => r.host ?? '')))];
}
