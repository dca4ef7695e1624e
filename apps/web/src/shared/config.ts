import type { WebConfig } from '@shopwire/contracts';

/** Where the HTTP services live, from the realtime app that serves this page (`/config.json`). */
export async function loadWebConfig(): Promise<WebConfig> {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json answered ${response.status}`);
  return (await response.json()) as WebConfig;
}
