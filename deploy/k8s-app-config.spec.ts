// What kubectl cannot know: whether the environment a pod gets is one its app accepts. Each app's
// own config schema (NODE_ENV=production, as the base ConfigMap sets) parses the env the rendered
// dev overlay hands its container, ConfigMaps and Secrets resolved — so a key an app requires in
// production (a VAPID key, say) that no manifest provides fails here instead of in a crash loop.
import { loadAppConfig } from '@shopwire/test-support';
import { beforeAll, describe, expect, it } from 'vitest';
import { APPS } from './validate/apps.js';
import { podEnvironment } from './validate/pod-environment.js';
import type { K8sObject } from './validate/k8s-object.js';
import { renderKustomization } from './validate/render.js';

describe('the dev overlay gives every app an environment its production config accepts', () => {
  let objects: K8sObject[];
  beforeAll(() => {
    objects = renderKustomization('k8s/overlays/dev');
  });

  it.each(APPS)('%s', (app) => {
    const env = podEnvironment(objects, 'Deployment', app);
    expect(env.NODE_ENV).toBe('production');
    expect(() => loadAppConfig(app, env)).not.toThrow();
  });

  it('and the check bites: the worker without its VAPID Secret is refused', () => {
    const env = podEnvironment(objects, 'Deployment', 'worker');
    delete env.VAPID_PRIVATE_KEY;
    expect(() => loadAppConfig('worker', env)).toThrow(/VAPID_PRIVATE_KEY: is required when PUSH_ENABLED/);
  });

  it('and auth without its owner Secret is refused, as is the well-known owner password', () => {
    const env = podEnvironment(objects, 'Deployment', 'auth');
    expect(env.OWNER_EMAIL).toBeTruthy();
    expect(env.OWNER_ALLOW_WELL_KNOWN_PASSWORD).toBeUndefined();
    expect(() => loadAppConfig('auth', { ...env, OWNER_PASSWORD: 'evenmoremoney' })).toThrow(
      /OWNER_PASSWORD: is the publicly known contract password/,
    );
    delete env.OWNER_EMAIL;
    delete env.OWNER_PASSWORD;
    expect(() => loadAppConfig('auth', env)).toThrow(/OWNER_EMAIL: is required when NODE_ENV=production/);
  });
});
