import { loadConfig } from '@shopwire/config';
import {
  createTestDatabase,
  httpClient,
  listenForTest,
  testEnv,
  type HttpClient,
  type RunningTestApp,
} from '@shopwire/testing';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll } from 'vitest';
import { authConfigSchema, type AuthConfig } from '../auth.config.js';
import { createAuthApp } from '../create-auth-app.js';

export interface AuthTestApp {
  client: HttpClient;
  url: string;
  config: AuthConfig;
  databaseUrl: string;
  /** The app's own connection to its database, for inspecting rows. */
  dataSource: DataSource;
}

/**
 * Boots the auth app over real HTTP on its own fresh database for the calling test file
 * (beforeAll) and tears both down (afterAll). Fields are filled once beforeAll has run.
 */
export function useAuthTestApp(label: string, env: Record<string, string> = {}): AuthTestApp {
  const context = {} as AuthTestApp;
  let running: RunningTestApp | undefined;
  let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;

  beforeAll(async () => {
    database = await createTestDatabase(label);
    context.databaseUrl = database.url;
    context.config = loadConfig(authConfigSchema, testEnv({ AUTH_DATABASE_URL: database.url, ...env }));
    running = await listenForTest(await createAuthApp(context.config));
    context.url = running.url;
    context.dataSource = running.app.get(DataSource);
    context.client = httpClient(running.url);
  });
  afterAll(async () => {
    await running?.close();
    await database?.drop();
  });
  return context;
}
