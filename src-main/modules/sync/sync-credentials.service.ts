import type { CoreContext } from '../../core-context';
import type { SecretStore } from '../../adapters/secrets/secret-store.port';
import { seal, unseal } from '../../adapters/secrets/sealed-json';
import { AppFailure } from '../../../src-shared/result';
import { recordAudit } from '../audit';
import { credentialsSchema, type Credentials } from './sync-clients';
import { findApiChannel, findSecret, saveSecret, type ApiChannelRow } from './sync.repo';

/**
 * Encrypts and stores a channel's credentials. Refused, with the reason, when the host has no real
 * keychain: a plain-text "encryption" would only pretend to protect them.
 */
export async function setCredentials(
  ctx: CoreContext,
  secrets: SecretStore,
  channelId: number,
  creds: Credentials,
  actor: string,
) {
  const channel = findApiChannel(ctx.sqlite, channelId);
  if (!channel)
    throw new AppFailure(
      'not_found',
      `Channel ${channelId} does not exist or is not a Shopify/WooCommerce channel`,
    );
  if (channel.kind !== creds.kind) {
    throw new AppFailure(
      'invalid_input',
      `Channel "${channel.name}" is a ${channel.kind} channel; these are ${creds.kind} credentials`,
      [{ path: 'credentials.kind', message: `must be ${channel.kind}` }],
    );
  }
  const { backend, ciphertext } = await seal(secrets, creds);
  const now = ctx.now();
  ctx.sqlite
    .transaction(() => {
      saveSecret(ctx.sqlite, channelId, backend, ciphertext, now);
      // The audit says that they changed, never what they are.
      recordAudit(ctx.db, {
        at: now,
        actor,
        entity: 'channel',
        entityId: channelId,
        action: 'credentials',
        data: { backend },
      });
    })
    .immediate();
  return { channelId, backend, storedAt: new Date(now).toISOString() };
}

/** Decrypts a channel's credentials; null when none were stored. */
export async function loadCredentials(
  ctx: CoreContext,
  secrets: SecretStore,
  channelId: number,
): Promise<Credentials | null> {
  const row = findSecret(ctx.sqlite, channelId);
  if (!row) return null;
  return unseal(
    secrets,
    row,
    credentialsSchema,
    "The channel's credentials",
    'enter them again in the channel settings',
  );
}

/** Builds a client for the channel with its stored credentials; refused, with the reason, when there are none. */
export async function connectChannel<C>(
  ctx: CoreContext,
  secrets: SecretStore,
  channel: ApiChannelRow,
  make: (creds: Credentials) => C,
): Promise<C> {
  const creds = await loadCredentials(ctx, secrets, channel.id);
  if (!creds)
    throw new AppFailure(
      'invalid_input',
      `Channel "${channel.name}" has no credentials yet; enter them in its connection settings`,
    );
  return make(creds);
}
