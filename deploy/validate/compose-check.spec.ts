import { describe, expect, it } from 'vitest';
import { checkComposeFile, dockerComposeConfig, findOnPath, schemaIssues } from './compose-check.js';

const BROKEN = 'deploy/fixtures/compose/docker-compose.broken.yml';

describe('checkComposeFile', () => {
  it('accepts the project docker-compose.yml', () => {
    expect(checkComposeFile('docker-compose.yml')).toEqual([]);
  });

  it('reports every problem of the broken fixture', () => {
    const issues = checkComposeFile(BROKEN);
    expect(issues.some((i) => i.includes('must NOT have additional properties') && i.includes('healthchek'))).toBe(
      true,
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        'store-db: publishes [3306], expected []',
        'store-db: port "3306:3306" is not bound to 127.0.0.1',
        'gateway: service missing',
        'auth-gateway: service missing',
        'auth: must be on exactly one of the networks auth, store (is on auth, store)',
        'auth: Dockerfile has no target authentication',
        'auth: has no healthcheck',
        'auth: must depend on migrate-auth with condition service_completed_successfully',
        'owner: service missing',
      ]),
    );
  });

  it('rejects a top-level name (docker-compose 1.29 does)', () => {
    expect(schemaIssues({ name: 'shopwire', services: {} })).toContain(
      '/name: top-level name is rejected by docker-compose 1.29',
    );
  });
});

// Debian's docker-compose 1.29 (`apt-get install docker-compose`), when present: its own parser
// catches what a schema cannot (interpolation, merge keys, build contexts).
const dockerCompose = findOnPath('docker-compose');
describe.runIf(dockerCompose !== undefined).concurrent('docker-compose config', () => {
  it('accepts the project docker-compose.yml with .env.example', async () => {
    expect(await dockerComposeConfig(dockerCompose!, 'docker-compose.yml', '.env.example')).toBe('');
  });

  it('accepts the high-availability overlay on top of it (ADR 0022)', async () => {
    expect(await dockerComposeConfig(dockerCompose!, ['docker-compose.yml', 'docker-compose.ha.yml'], '.env.example')).toBe('');
  });

  it('rejects the broken fixture', async () => {
    expect(await dockerComposeConfig(dockerCompose!, BROKEN, '.env.example')).toContain(
      "Unsupported config option for services.auth: 'healthchek'",
    );
  });
});
