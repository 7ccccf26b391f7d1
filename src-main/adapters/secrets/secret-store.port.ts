/**
 * Encrypts channel credentials with the operating system's keychain. The core never sees a key:
 * in the desktop app the Electron main process does the work with safeStorage.
 */
export interface SecretStoreStatus {
  available: boolean;
  /** e.g. "keychain" (macOS), "dpapi" (Windows), "gnome_libsecret", "kwallet5", "basic_text", "none". */
  backend: string;
  /** Why credentials cannot be stored here, and what to do about it; null when available. */
  reason: string | null;
}

export interface SecretStore {
  status(): Promise<SecretStoreStatus>;
  encrypt(plain: string): Promise<Uint8Array>;
  decrypt(ciphertext: Uint8Array): Promise<string>;
}

export class SecretStoreUnavailable extends Error {
  constructor(readonly status: SecretStoreStatus) {
    super(status.reason ?? 'No encrypted credential store is available');
    this.name = 'SecretStoreUnavailable';
  }
}

/** Hosts without an OS keychain (CLI, `packdesk serve`): credentials are refused, never stored in clear. */
export function noSecretStore(host: string): SecretStore {
  const status: SecretStoreStatus = {
    available: false,
    backend: 'none',
    reason:
      `${host} cannot reach the operating system's keychain, so shop credentials cannot be stored encrypted here. ` +
      'Enter them in the Packdesk desktop app; channels already connected there keep syncing from it.',
  };
  return {
    status: async () => status,
    encrypt: async () => {
      throw new SecretStoreUnavailable(status);
    },
    decrypt: async () => {
      throw new SecretStoreUnavailable(status);
    },
  };
}

/** The refusal text when Electron only offers a plain-text backend or no encryption at all. */
export function plainTextRefusal(backend: string): string {
  return backend === 'basic_text'
    ? 'This Linux desktop has no keyring (GNOME Keyring/libsecret or KWallet) running, so Electron would store the credentials ' +
        'in plain text. Packdesk refuses that: install and unlock a keyring (e.g. gnome-keyring), then restart Packdesk and enter them again.'
    : 'The operating system offers no encryption for stored secrets right now (the keychain is locked or missing). ' +
        'Unlock or set up the keychain, restart Packdesk, then enter the credentials again.';
}
