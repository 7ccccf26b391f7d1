/** Replaced at bundle time; the package version when running from source. */
declare const __PACKDESK_VERSION__: string | undefined;
export const APP_VERSION: string =
  typeof __PACKDESK_VERSION__ === 'string' ? __PACKDESK_VERSION__ : '0.1.0-dev';
