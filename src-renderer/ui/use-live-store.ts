import { useEffect, useMemo } from 'react';
import type { StoreApi } from 'zustand';
import { useApi } from '../api/api-context';
import type { Api } from '../api/client';

/** A screen's store that loads itself and follows the core's events (listen returns the unsubscribe). */
export interface LiveStore {
  load(): Promise<void>;
  listen(): () => void;
}

/**
 * Makes the feature's store for this screen from the API, loads it on mount and keeps it fresh
 * through its own listen() until the screen closes. One store per API, so re-renders keep it.
 */
export function useLiveStore<S extends LiveStore>(create: (api: Api) => StoreApi<S>): StoreApi<S> {
  const api = useApi();
  const store = useMemo(() => create(api), [api, create]);
  useEffect(() => {
    void store.getState().load();
    return store.getState().listen();
  }, [store]);
  return store;
}
