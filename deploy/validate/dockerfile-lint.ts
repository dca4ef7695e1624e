// The Dockerfile rules this project holds itself to (hadolint is not available here): pinned bases,
// a non-root user, tini as PID 1, a HEALTHCHECK, no remote ADD, no secrets baked into layers, and
// every app stage running its compiled entry file.
import { APPS, entryFile } from './apps.js';
import { effectiveInstructions, parseDockerfile, runCommandOf, type Stage } from './dockerfile.js';

const SECRET_NAME = /SECRET|PASSWORD|PASSWD|TOKEN|API_?KEY|PRIVATE_?KEY/i;

export function lintDockerfile(text: string): string[] {
  const stages = parseDockerfile(text);
  if (stages.length === 0) return ['no FROM instruction'];
  const issues: string[] = [];
  const names = new Set(stages.map((s) => s.name));
  for (const stage of stages) {
    const where = `stage ${stage.name ?? stage.base}`;
    if (!names.has(stage.base)) issues.push(...basePinIssues(stage.base).map((m) => `${where}: ${m}`));
    for (const i of stage.instructions) {
      if (i.keyword === 'ADD' && /https?:\/\//.test(i.args))
        issues.push(`line ${i.line}: ADD of a URL (use a pinned download + checksum)`);
      if (['ENV', 'ARG'].includes(i.keyword) && SECRET_NAME.test(i.args)) {
        issues.push(`line ${i.line}: ${i.keyword} bakes a secret-looking value into the image`);
      }
      if (i.keyword === 'COPY' && /(^|\s|\/)\.env(\s|$)/.test(i.args))
        issues.push(`line ${i.line}: COPY of a .env file`);
    }
  }
  for (const app of APPS) {
    const stage = stages.find((s) => s.name === app);
    if (!stage) issues.push(`no build stage named ${app}`);
    else issues.push(...finalStageIssues(stages, stage).map((m) => `stage ${app}: ${m}`));
  }
  return issues;
}

function basePinIssues(base: string): string[] {
  if (base.includes('@sha256:')) return [];
  const tag = base.includes(':') ? base.slice(base.lastIndexOf(':') + 1) : undefined;
  if (!tag) return [`base image ${base} has no tag`];
  if (tag === 'latest') return [`base image ${base} uses latest`];
  if (!/\d+\.\d+\.\d+/.test(tag)) return [`base image ${base} is not pinned to a full version`];
  return [];
}

function finalStageIssues(stages: Stage[], stage: Stage): string[] {
  const all = effectiveInstructions(stages, stage);
  const last = (keyword: string) => all.findLast((i) => i.keyword === keyword);
  const issues: string[] = [];
  const user = last('USER')?.args.split(':')[0];
  if (!user || user === 'root' || user === '0') issues.push('runs as root (add USER)');
  if (!last('HEALTHCHECK')?.args.includes('/health/live')) issues.push('has no HEALTHCHECK on /health/live');
  if (!/tini|dumb-init/.test(last('ENTRYPOINT')?.args ?? '')) issues.push('has no init process (tini) as ENTRYPOINT');
  const command = runCommandOf(stages, stage) ?? [];
  if (command[0] !== 'node' || command.at(-1) !== entryFile(stage.name as (typeof APPS)[number])) {
    issues.push(`CMD does not run node ${entryFile(stage.name as (typeof APPS)[number])}`);
  }
  return issues;
}
