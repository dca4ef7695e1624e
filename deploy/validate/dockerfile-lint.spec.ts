import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintDockerfile } from './dockerfile-lint.js';

const stagesFor = (app: string) => `
FROM node:22.21.1-bookworm-slim AS runtime
RUN apt-get update && apt-get install -y --no-install-recommends tini
USER node
ENTRYPOINT ["/usr/bin/tini", "--"]
HEALTHCHECK CMD ["node", "-e", "fetch('http://127.0.0.1:5000/health/live')"]
FROM runtime AS ${app}
CMD ["node", "dist/apps/${app}/src/main.js"]`;
const valid = ['auth', 'owner', 'customer', 'courier', 'realtime', 'worker'].map(stagesFor).join('\n');

describe('lintDockerfile', () => {
  it('accepts the project Dockerfile', () => {
    expect(lintDockerfile(readFileSync('Dockerfile', 'utf8'))).toEqual([]);
  });

  it('accepts app stages that inherit USER, ENTRYPOINT and HEALTHCHECK', () => {
    expect(lintDockerfile(valid)).toEqual([]);
  });

  it('reports every rule the broken fixture violates', () => {
    const issues = lintDockerfile(readFileSync('deploy/fixtures/docker/Dockerfile.broken', 'utf8'));
    expect(issues).toEqual(
      expect.arrayContaining([
        'stage auth: base image node:latest uses latest',
        'line 4: ADD of a URL (use a pinned download + checksum)',
        'line 5: ENV bakes a secret-looking value into the image',
        'line 6: COPY of a .env file',
        'stage auth: runs as root (add USER)',
        'stage auth: has no HEALTHCHECK on /health/live',
        'stage auth: has no init process (tini) as ENTRYPOINT',
        'stage auth: CMD does not run node dist/apps/auth/src/main.js',
        'no build stage named worker',
      ]),
    );
  });

  it.each([
    ['node:22-bookworm-slim', 'is not pinned to a full version'],
    ['node', 'has no tag'],
  ])('reports the base image %s', (base, issue) => {
    expect(lintDockerfile(valid.replaceAll('node:22.21.1-bookworm-slim', base))).toContain(
      `stage runtime: base image ${base} ${issue}`,
    );
  });

  it('reads a shell CMD that execs node with the stage ENV, and refuses one that does not exec', () => {
    const shell = (script: string) =>
      valid.replace('FROM runtime AS auth\nCMD ["node", "dist/apps/auth/src/main.js"]', `FROM runtime AS auth\nENV APP=auth\nCMD ["sh", "-c", "${script}"]`);
    expect(lintDockerfile(shell('exec node dist/apps/$APP/src/main.js'))).toEqual([]);
    expect(lintDockerfile(shell('node dist/apps/$APP/src/main.js'))).toContain(
      'stage auth: CMD does not run node dist/apps/auth/src/main.js',
    );
  });

  it('joins continuation lines into one instruction', () => {
    const split = valid.replace('USER node', 'USER \\\n  root');
    expect(lintDockerfile(split)).toContain('stage auth: runs as root (add USER)');
  });
});
