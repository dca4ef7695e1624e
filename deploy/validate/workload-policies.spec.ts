import { describe, expect, it } from 'vitest';
import { checkWorkloads, unpinnedImage } from './workload-policies.js';
import { deployment } from './test-objects.js';

describe('unpinnedImage', () => {
  it.each([
    ['shopwire/auth:0.1.0', undefined],
    ['registry.example.com:5000/shopwire/auth:0.1.0', undefined],
    ['mariadb@sha256:0123abcd', undefined],
    ['shopwire/auth', 'uses image shopwire/auth without a tag'],
    ['registry.example.com:5000/shopwire/auth', 'uses image registry.example.com:5000/shopwire/auth without a tag'],
    ['redis:latest', 'uses image redis:latest with the tag latest'],
  ])('%s → %s', (image, issue) => {
    expect(unpinnedImage(image)).toBe(issue);
  });
});

describe('checkWorkloads', () => {
  it('accepts a compliant Deployment', () => {
    expect(checkWorkloads([deployment('api', {})])).toEqual([]);
  });

  it.each([
    ['has no livenessProbe', { livenessProbe: undefined }],
    ['has no readinessProbe', { readinessProbe: undefined }],
    ['has no memory limit', { resources: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1' } } }],
    ['has no cpu request', { resources: { requests: { memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } } }],
    [
      'may run as root (set runAsNonRoot: true)',
      {
        securityContext: {
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
        },
      },
    ],
    [
      'has a writable root filesystem',
      { securityContext: { runAsNonRoot: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } },
    ],
    ['uses image shop/api:latest with the tag latest', { image: 'shop/api:latest' }],
  ])('reports a container that %s', (issue, container) => {
    expect(checkWorkloads([deployment('api', {}, container)])).toEqual([`Deployment/api: container api ${issue}`]);
  });

  it('does not ask a Job for probes', () => {
    const job = {
      ...deployment('migrate', {}, { livenessProbe: undefined, readinessProbe: undefined }),
      apiVersion: 'batch/v1',
      kind: 'Job',
    };
    expect(checkWorkloads([job])).toEqual([]);
  });
});
