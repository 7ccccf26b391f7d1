import { StrictMode } from 'react';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { ApiProvider } from '../api/api-context';
import type { Api } from '../api/client';
import { App } from './app';

/** Everything the app needs from outside, so tests render the same tree with a fake API. */
export function Root({ api, i18n }: { api: Api; i18n: I18n }) {
  return (
    <StrictMode>
      <ApiProvider api={api}>
        <I18nextProvider i18n={i18n}>
          <App />
        </I18nextProvider>
      </ApiProvider>
    </StrictMode>
  );
}
