import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const { devDependencies } = JSON.parse(readFileSync('package.json', 'utf8')) as {
  devDependencies: Record<string, string>;
};

/**
 * devDependencies that a production dependency itself requires, so they are in any production
 * install: `typescript` (@nestjs/swagger), `@types/node` (mysql2, engine.io).
 */
const REQUIRED_BY_RUNTIME = ['typescript', '@types/node'];

interface LsNode {
  dependencies?: Record<string, LsNode>;
}

/** Every package name in an `npm ls --json --all` tree. */
function namesIn(node: LsNode, into = new Set<string>()): Set<string> {
  for (const [name, child] of Object.entries(node.dependencies ?? {})) {
    if (into.has(name)) continue;
    into.add(name);
    namesIn(child, into);
  }
  return into;
}

describe('the production install holds no test tooling', () => {
  it('npm ls --omit=dev lists none of our devDependencies (playwright-core, vitest, @types/web-push, …)', () => {
    const tree = JSON.parse(
      execFileSync('npm', ['ls', '--omit=dev', '--all', '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }),
    ) as LsNode;
    const names = namesIn(tree);
    expect(names.has('@nestjs/core')).toBe(true); // the tree is the real one
    const leaked = Object.keys(devDependencies).filter(
      (name) => names.has(name) && !REQUIRED_BY_RUNTIME.includes(name),
    );
    expect(leaked).toEqual([]);
  }, 60_000);

  it('the Dockerfile copies node_modules into the runtime only from a stage pruned with --omit=dev', () => {
    const dockerfile = readFileSync('Dockerfile', 'utf8');
    const stages = new Map<string, string>();
    for (const stage of dockerfile.split(/^FROM /m).slice(1)) {
      const name = /^\S+\s+AS\s+(\S+)/i.exec(stage)?.[1];
      if (name) stages.set(name, stage);
    }
    const copies = [...dockerfile.matchAll(/^COPY --from=(\S+) \S*node_modules/gm)].map((match) => match[1]);
    expect(copies.length).toBeGreaterThan(0);
    for (const from of copies) {
      const stage = stages.get(from) ?? '';
      const lastInstall = Math.max(stage.lastIndexOf('npm ci'), stage.lastIndexOf('npm install'));
      const omitDev = Math.max(stage.lastIndexOf('npm prune --omit=dev'), stage.lastIndexOf('npm ci --omit=dev'));
      expect(omitDev, `stage ${from} must end its installs with --omit=dev`).toBeGreaterThanOrEqual(lastInstall);
      expect(omitDev).toBeGreaterThan(-1);
    }
  });
});
