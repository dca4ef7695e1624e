import { describe, expect, it } from 'vitest';
import { validateObjectSchema } from './schema-validate.js';
import { deployment } from './test-objects.js';

describe('validateObjectSchema', () => {
  it('accepts a valid Deployment (label keys with "/" included)', async () => {
    expect(await validateObjectSchema(deployment('api', { 'shopwire.io/part': 'store' }))).toEqual([]);
  });

  it.each([
    [
      'a misspelled container field',
      { imagePullPolice: 'Always' },
      '/spec/template/spec/containers/0/imagePullPolice is not a known field',
    ],
    [
      'a nested unknown field',
      { livenessProbe: { httpGet: { path: '/', port: 80 }, periodSecond: 5 } },
      '/livenessProbe/periodSecond is not a known field',
    ],
    [
      'a wrong type',
      { ports: [{ containerPort: 'http' }] },
      '/spec/template/spec/containers/0/ports/0/containerPort must be integer',
    ],
    [
      'a missing required field',
      { name: undefined },
      '/spec/template/spec/containers/0 must have required property name',
    ],
  ])('reports %s', async (_, container, message) => {
    const issues = await validateObjectSchema(deployment('api', {}, container));
    expect(issues.join('\n')).toContain(message);
  });

  it('reports an unknown field once, not every field below it', async () => {
    const object = { ...deployment('api', {}), extra: { a: { b: 1 } } };
    expect(await validateObjectSchema(object)).toEqual(['Deployment/api: /extra is not a known field']);
  });

  it('reports kinds it has no schema for', async () => {
    const object = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } };
    expect(await validateObjectSchema(object)).toEqual(['Widget/w: no schema for example.com/v1 Widget']);
  });
});
