import type { TFunction } from 'i18next';

/**
 * Why credentials cannot be stored here, as the core words it in English (secret-store.port:
 * noSecretStore for the command line and `packdesk serve`, plainTextRefusal for a desktop without
 * a keyring or encryption). Said in the UI language; an unknown wording is shown as written.
 */
const REASONS: [RegExp, string][] = [
  [
    /^.+ cannot reach the operating system's keychain, so shop credentials cannot be stored encrypted here\./,
    'noHost',
  ],
  [/^This Linux desktop has no keyring \(GNOME Keyring\/libsecret or KWallet\) running/, 'plainText'],
  [/^The operating system offers no encryption for stored secrets right now/, 'noEncryption'],
];

export function keychainReasonText(t: TFunction, reason: string | null): string {
  if (!reason) return '';
  const hit = REASONS.find(([re]) => re.test(reason));
  return hit ? t(`sync.keychain.reason.${hit[1]}`) : reason;
}
