import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Api } from './client';
import type { ConnectionState } from './http-bridge';

const ApiContext = createContext<Api | null>(null);

export function ApiProvider({ api, children }: { api: Api; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() needs an <ApiProvider> above it');
  return api;
}

export function useConnection(): ConnectionState {
  const api = useApi();
  const [state, setState] = useState<ConnectionState>('connecting');
  useEffect(() => api.onStatus(setState), [api]);
  return state;
}
