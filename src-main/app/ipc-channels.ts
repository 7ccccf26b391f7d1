/**
 * The only IPC channels between the window and the main process. Shared by main and preload so
 * a typo cannot open a channel the validator does not know about.
 */
export const IPC = {
  call: 'packdesk:call',
  event: 'packdesk:event',
} as const;

export type IpcChannel = (typeof IPC)[keyof typeof IPC];

/** Channels the renderer may invoke; `packdesk:event` only flows main → renderer. */
export const INVOKE_CHANNELS: readonly string[] = [IPC.call];

/** The renderer is served from app://packdesk/ and nowhere else. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'packdesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** Flag used to hand the OS languages to the sandboxed preload through process.argv. */
export const LOCALES_ARG = '--packdesk-locales=';

/**
 * True when `url` belongs to our app:// origin. Compares protocol and host rather than
 * `URL.origin`, because Node reports the origin of non-special schemes as "null".
 */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}
