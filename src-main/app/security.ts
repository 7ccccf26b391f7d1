import type { Session, WebContents } from 'electron';

type Log = (m: string) => void;

/**
 * Packdesk needs no camera, microphone, notifications, geolocation, USB or HID from the web
 * side (scanners type like keyboards, printers are driven by the core), so every request and
 * every check is refused.
 */
export function denyAllPermissions(
  session: Pick<
    Session,
    'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
  >,
  log: Log = console.warn,
): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`[packdesk] denied permission request: ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/**
 * The window shows our own bundle only: every navigation away from it, every redirect, every
 * new window and every <webview> is refused. Links are not opened in the system browser either,
 * because the URL would come from data we imported (orders, tracking pages).
 */
const hardened = new WeakSet<object>();

export function hardenWebContents(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  log: Log = console.warn,
): void {
  // Called for the main window and again from app 'web-contents-created'; once is enough.
  if (hardened.has(contents)) return;
  hardened.add(contents);
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    log(`[packdesk] blocked navigation to ${String(url).slice(0, 200)}`);
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    log(`[packdesk] blocked a new window for ${String(url).slice(0, 200)}`);
    return { action: 'deny' };
  });
}
