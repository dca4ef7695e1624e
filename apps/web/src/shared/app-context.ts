import type { WebConfig } from '@shopwire/contracts';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Api } from './api';

export interface AppServices {
  config: WebConfig;
  api: Api;
}

export const AppContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('useServices outside <AppContext.Provider>');
  return services;
}

export const useApi = (): Api => useServices().api;
