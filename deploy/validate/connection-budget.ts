// The most connections each database can be asked for, from the rendered manifests: every pod a
// workload can have at once (its HPA's maxReplicas, else its replicas, plus the rollout's maxSurge)
// times the pool its app opens (DB_POOL_SIZE, split over HTTP_PROCESSES rounding up, as
// libs/http does), against the max_connections the overlay declares for that database.
import { podTemplatesOf, type K8sObject, type PodTemplate } from './k8s-object.js';
import { podEnvironment } from './pod-environment.js';

/** On the object that stands for a database (its StatefulSet, or the egress policy to a managed one). */
export const DATABASE_ANNOTATION = 'shopwire.io/database';
export const MAX_CONNECTIONS_ANNOTATION = 'shopwire.io/max-connections';
/** MariaDB's own default, for an in-cluster server that sets nothing. */
export const MARIADB_DEFAULT_MAX_CONNECTIONS = 151;
/** Kept free for health probes and an operator's session. */
export const RESERVED_CONNECTIONS = 5;
/** A migration Job: the CREATE DATABASE check, the migration lock and its runner. */
export const MIGRATION_JOB_CONNECTIONS = 3;

const DATABASE_URL = { auth: 'AUTH_DATABASE_URL', store: 'STORE_DATABASE_URL' } as const;
export type Database = keyof typeof DATABASE_URL;

export interface ConnectionDemand {
  workload: string;
  connections: number;
}

export interface DatabaseBudget {
  database: Database;
  limit: number | undefined;
  demand: ConnectionDemand[];
  total: number;
}

export function connectionBudget(objects: K8sObject[], database: Database): DatabaseBudget {
  const demand = podTemplatesOf(objects)
    .filter((template) => template.spec.containers.some((c) => c.env?.some((e) => e.name === DATABASE_URL[database])))
    .map((template) => ({ workload: template.owner.metadata.name, connections: demandOf(objects, template) }));
  return {
    database,
    limit: declaredLimit(objects, database),
    demand,
    total: demand.reduce((sum, d) => sum + d.connections, 0),
  };
}

/** What is wrong with the budget, if anything (empty when every pod's pool fits). */
export function budgetIssues(budget: DatabaseBudget): string[] {
  if (budget.limit === undefined) return [`${budget.database} database: no object declares its max_connections`];
  const usable = budget.limit - RESERVED_CONNECTIONS;
  if (budget.total <= usable) return [];
  const detail = budget.demand.map((d) => `${d.workload} ${d.connections}`).join(', ');
  return [`${budget.database} database: ${budget.total} connections at most (${detail}) > ${usable} usable of ${budget.limit}`];
}

function demandOf(objects: K8sObject[], template: PodTemplate): number {
  if (['Job', 'CronJob'].includes(template.owner.kind)) return MIGRATION_JOB_CONNECTIONS;
  const env = podEnvironment(objects, template.owner.kind, template.owner.metadata.name, { withoutSecrets: true });
  if (env.DB_POOL_SIZE === undefined) throw new Error(`${template.owner.metadata.name}: DB_POOL_SIZE is not set`);
  const pool = Number(env.DB_POOL_SIZE);
  const processes = Number(env.HTTP_PROCESSES ?? 1);
  return maxPods(objects, template.owner) * Math.ceil(pool / processes) * processes;
}

function maxPods(objects: K8sObject[], owner: K8sObject): number {
  const spec = owner.spec as { replicas?: number; strategy?: { rollingUpdate?: { maxSurge?: number | string } } };
  const hpa = objects.find(
    (o) =>
      o.kind === 'HorizontalPodAutoscaler' &&
      (o.spec as { scaleTargetRef: { kind: string; name: string } }).scaleTargetRef.name === owner.metadata.name,
  );
  const replicas = hpa ? (hpa.spec as { maxReplicas: number }).maxReplicas : (spec.replicas ?? 1);
  const surge = spec.strategy?.rollingUpdate?.maxSurge ?? '25%'; // the Deployment default
  return replicas + (typeof surge === 'number' ? surge : Math.ceil((replicas * parseInt(surge, 10)) / 100));
}

/**
 * The limit an overlay declares on the database's object; for an in-cluster server, also what its
 * `--max-connections` argument (or MariaDB's default) really sets, which must agree.
 */
function declaredLimit(objects: K8sObject[], database: Database): number | undefined {
  const declaring = objects.filter((o) => o.metadata.annotations?.[DATABASE_ANNOTATION] === database);
  if (declaring.length > 1) throw new Error(`${database} database: declared by ${declaring.length} objects`);
  const declared = declaring[0]?.metadata.annotations?.[MAX_CONNECTIONS_ANNOTATION];
  const server = podTemplatesOf(objects).find(
    (t) => t.owner.kind === 'StatefulSet' && t.labels['app.kubernetes.io/name'] === `${database}-db`,
  );
  if (!server) return declared === undefined ? undefined : Number(declared);
  const argument = server.spec.containers[0]!.args?.find((a) => a.startsWith('--max-connections='));
  const actual = argument ? Number(argument.split('=')[1]) : MARIADB_DEFAULT_MAX_CONNECTIONS;
  if (declared !== undefined && Number(declared) !== actual) {
    throw new Error(`${database}-db: annotated ${declared} connections, runs with ${actual}`);
  }
  return actual;
}
