// The six deployables and their ports (fixed by the platform; see docs/deploy.md).
export const APP_PORTS = {
  auth: 5000,
  owner: 5001,
  customer: 5002,
  courier: 5003,
  realtime: 5004,
  worker: 5005,
} as const;

export type AppName = keyof typeof APP_PORTS;
export const APPS = Object.keys(APP_PORTS) as AppName[];

/** What every image runs: the compiled entry file of the app. */
export const entryFile = (app: AppName) => `dist/apps/${app}/src/main.js`;
