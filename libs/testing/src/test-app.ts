import type { INestApplication } from '@nestjs/common';

export interface RunningTestApp<App extends INestApplication = INestApplication> {
  app: App;
  /** Base URL, e.g. http://127.0.0.1:43121 (no trailing slash). */
  url: string;
  close: () => Promise<void>;
}

/** Listens on a free loopback port and returns the base URL over which tests talk real HTTP. */
export async function listenForTest<App extends INestApplication>(app: App): Promise<RunningTestApp<App>> {
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return { app, url: `http://127.0.0.1:${address.port}`, close: () => app.close() };
}

/** Environment for an app under test: quiet logs, a known secret, the given overrides. */
export function testEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    JWT_SECRET: TEST_JWT_SECRET,
    // No map tiles: the default (OpenStreetMap) needs the internet, which tests do not have.
    WEB_MAP_TILE_URL: '',
    ...overrides,
  };
}

export const TEST_JWT_SECRET = 'test-secret-0123456789abcdef0123456789abcdef';
