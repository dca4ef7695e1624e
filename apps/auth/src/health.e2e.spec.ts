import { describe, expect, it } from 'vitest';
import { useAuthTestApp } from './testing-support/auth-test-app.js';

describe('auth service health', () => {
  const auth = useAuthTestApp('auth_health');

  it('is live and ready with the database up', async () => {
    const client = auth.client;
    expect((await client.get('/health/live')).status).toBe(200);
    const ready = await client.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toEqual({ database: 'up' });
  });

  it('answers unknown paths with 404 and a message body', async () => {
    const response = await auth.client.get('/nope');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ message: 'Not found.' });
  });

  it('serves Prometheus metrics and the OpenAPI document', async () => {
    const client = auth.client;
    await client.get('/health/live');
    const metrics = await client.get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.text).toContain('http_requests_total');
    const docs = await client.get('/docs-json');
    expect(docs.status).toBe(200);
    expect(docs.body.info.title).toBe('shopwire auth');
  });

  it('documents the four contract endpoints (and /change_password) with their status codes in /docs-json', async () => {
    const { body } = await auth.client.get('/docs-json');
    expect(Object.keys(body.paths).sort()).toEqual([
      '/change_password',
      '/delete',
      '/login',
      '/register_courier',
      '/register_customer',
    ]);
    expect(Object.keys(body.paths['/change_password'].post.responses).sort()).toEqual(['200', '400', '401', '429']);
    for (const path of ['/register_customer', '/register_courier', '/login']) {
      expect(Object.keys(body.paths[path].post.responses).sort()).toEqual(['200', '400', '429']);
    }
    expect(Object.keys(body.paths['/delete'].post.responses).sort()).toEqual(['200', '400', '401']);
    const loginErrors = body.paths['/login'].post.responses['400'].content['application/json'].examples;
    expect(Object.keys(loginErrors)).toEqual([
      'Field email is missing.',
      'Field password is missing.',
      'Invalid email.',
      'Invalid credentials.',
    ]);
    expect(body.paths['/login'].post.responses['200'].content['application/json'].schema.required).toEqual([
      'accessToken',
    ]);
    expect(body.paths['/delete'].post.responses['401'].content['application/json'].example).toEqual({
      msg: 'Missing Authorization Header',
    });
  });
});
