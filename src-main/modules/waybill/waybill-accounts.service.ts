import type { CoreContext } from '../../core-context';
import type { SecretStore } from '../../adapters/secrets/secret-store.port';
import { seal, unseal } from '../../adapters/secrets/sealed-json';
import type { ChannelIo } from '../../adapters/channels/channel-http';
import { ChannelError } from '../../adapters/channels/channel-http';
import { CainiaoTopClient, TOP_GATEWAY } from '../../adapters/waybills/cainiao-top.client';
import { DouyinWaybillClient, DOUDIAN_GATEWAY } from '../../adapters/waybills/douyin-waybill.client';
import { PddWaybillClient, PDD_ROUTER } from '../../adapters/waybills/pdd-waybill.client';
import type { WaybillClient, WaybillCredentials } from '../../adapters/waybills/waybill-client';
import {
  waybillCredentials,
  type WaybillAccount,
  type WaybillPlatform,
} from '../../../src-shared/contract/waybill.contract';
import { AppFailure } from '../../../src-shared/result';
import { recordAudit } from '../audit';
import {
  carrierExists,
  findAccount,
  insertAccount,
  listAccounts,
  retryAccount,
  saveAccountSecret,
  updateAccount,
  type WaybillAccountRow,
} from './waybill.repo';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The platforms' names in messages; where a person fixes things on each. */
export const PLATFORM_NAME: Record<WaybillPlatform, string> = {
  cainiao: 'Cainiao',
  pdd: 'Pinduoduo',
  douyin: 'Douyin',
};
const WORKBENCH: Record<WaybillPlatform, string> = {
  cainiao: 'the Cainiao workbench',
  pdd: "Pinduoduo's e-waybill service (拼多多电子面单)",
  douyin: "抖店's e-waybill service (抖店电子面单)",
};
export const workbenchOf = (platform: string) => WORKBENCH[platform as WaybillPlatform] ?? platform;
const accountName = (a: { carrier: string; platform: string }) =>
  `${a.carrier} ${PLATFORM_NAME[a.platform as WaybillPlatform] ?? a.platform}`;

/** What the screens get: every setting, never the credentials (only whether and where they are kept). */
export const toAccount = (r: WaybillAccountRow): WaybillAccount => ({
  id: r.id,
  carrier: r.carrier,
  platform: r.platform as WaybillAccount['platform'],
  cpCode: r.cpCode,
  templateUrl: r.templateUrl,
  sender: JSON.parse(r.senderJson) as WaybillAccount['sender'],
  storeCode: r.storeCode,
  gatewayUrl: r.gatewayUrl,
  active: r.active,
  hasCredentials: !!r.secretCiphertext,
  credentialsBackend: r.secretBackend,
  credentialsUpdatedAt: iso(r.secretUpdatedAt),
});

export const accountsList = (ctx: CoreContext) => listAccounts(ctx.sqlite).map(toAccount);

export function saveAccount(
  ctx: CoreContext,
  input: Omit<WaybillAccount, 'id' | 'hasCredentials' | 'credentialsBackend' | 'credentialsUpdatedAt'> & {
    id?: number;
  },
  actor: string,
): WaybillAccount {
  if (!carrierExists(ctx.sqlite, input.carrier))
    throw new AppFailure(
      'invalid_input',
      `carrier: there is no carrier "${input.carrier}"; add it under Carriers first`,
      [{ path: 'carrier', message: 'unknown carrier' }],
    );
  const same = listAccounts(ctx.sqlite).find(
    (a) => a.carrier === input.carrier && a.platform === input.platform,
  );
  if (same && same.id !== input.id)
    throw new AppFailure(
      'conflict',
      `carrier: ${input.carrier} already has a ${PLATFORM_NAME[input.platform]} e-waybill account`,
      [{ path: 'carrier', message: 'already has an account on this platform' }],
    );
  if (input.id !== undefined && !findAccount(ctx.sqlite, input.id))
    throw new AppFailure('not_found', `E-waybill account ${input.id} does not exist`);
  const values = {
    carrier: input.carrier,
    platform: input.platform,
    cpCode: input.cpCode,
    templateUrl: input.templateUrl,
    senderJson: JSON.stringify(input.sender),
    storeCode: input.storeCode,
    gatewayUrl: input.gatewayUrl,
    active: input.active,
  };
  const now = ctx.now();
  const id = input.id ?? insertAccount(ctx.sqlite, values, now);
  if (input.id !== undefined) updateAccount(ctx.sqlite, id, values, now);
  recordAudit(ctx.db, {
    at: now,
    actor,
    entity: 'waybill_account',
    entityId: id,
    action: input.id === undefined ? 'create' : 'update',
    data: {
      carrier: values.carrier,
      platform: values.platform,
      cpCode: values.cpCode,
      active: values.active,
    },
  });
  ctx.emit('settings.changed', { what: 'settings', key: 'waybill.accounts' });
  return toAccount(findAccount(ctx.sqlite, id)!);
}

/**
 * Encrypts and stores the account's credentials with the OS keychain, exactly as channel
 * credentials are (sync-credentials.service): refused, with the reason, where only plain text exists.
 */
export async function setAccountCredentials(
  ctx: CoreContext,
  secrets: SecretStore,
  id: number,
  creds: WaybillCredentials,
  actor: string,
) {
  if (!findAccount(ctx.sqlite, id))
    throw new AppFailure('not_found', `E-waybill account ${id} does not exist`);
  const { backend, ciphertext } = await seal(secrets, creds);
  const now = ctx.now();
  ctx.sqlite
    .transaction(() => {
      saveAccountSecret(ctx.sqlite, id, backend, ciphertext, now);
      retryAccount(ctx.sqlite, id, now);
      // The audit says that they changed, never what they are.
      recordAudit(ctx.db, {
        at: now,
        actor,
        entity: 'waybill_account',
        entityId: id,
        action: 'credentials',
        data: { backend },
      });
    })
    .immediate();
  ctx.emit('settings.changed', { what: 'settings', key: 'waybill.accounts' });
  return { id, backend, storedAt: new Date(now).toISOString() };
}

/** Decrypts an account's credentials; refused with a reason the settings screen can show. */
export async function loadAccountCredentials(
  secrets: SecretStore,
  a: WaybillAccountRow,
): Promise<WaybillCredentials> {
  if (!a.secretCiphertext || !a.secretBackend)
    throw new AppFailure(
      'invalid_input',
      `The ${accountName(a)} e-waybill account has no credentials yet; enter them in Settings → E-waybill accounts`,
    );
  return unseal(
    secrets,
    { backend: a.secretBackend, ciphertext: a.secretCiphertext },
    waybillCredentials,
    `The ${accountName(a)} e-waybill credentials`,
    'enter them again in Settings → E-waybill accounts',
  );
}

/** The platform's client behind the one WaybillClient interface (empty gateway = the real one). */
export function clientFor(
  platform: string,
  creds: WaybillCredentials,
  io: ChannelIo,
  gatewayUrl: string,
): WaybillClient {
  if (platform === 'pdd') return new PddWaybillClient(creds, io, gatewayUrl || PDD_ROUTER);
  if (platform === 'cainiao') return new CainiaoTopClient(creds, io, gatewayUrl || TOP_GATEWAY);
  if (platform === 'douyin') return new DouyinWaybillClient(creds, io, gatewayUrl || DOUDIAN_GATEWAY);
  throw new AppFailure(
    'unavailable',
    `Packdesk cannot fetch ${PLATFORM_NAME[platform as WaybillPlatform] ?? platform} e-waybills yet`,
  );
}

/** "Test connection" on the typed values (or the stored credentials): the carrier's subscription. */
export async function testAccount(
  ctx: CoreContext,
  deps: { secrets: SecretStore; io: ChannelIo },
  input: {
    id?: number;
    platform: WaybillAccount['platform'];
    cpCode: string;
    gatewayUrl: string;
    credentials?: WaybillCredentials;
  },
): Promise<{ ok: boolean; message: string }> {
  let creds = input.credentials;
  let platform: string = input.platform;
  if (!creds) {
    const a = findAccount(ctx.sqlite, input.id!);
    if (!a) throw new AppFailure('not_found', `E-waybill account ${input.id} does not exist`);
    platform = a.platform; // the stored credentials are that platform's
    try {
      creds = await loadAccountCredentials(deps.secrets, a);
    } catch (e) {
      if (e instanceof AppFailure) return { ok: false, message: e.message };
      throw e;
    }
  }
  try {
    const subs = await clientFor(platform, creds, deps.io, input.gatewayUrl).subscriptions(input.cpCode);
    const mine = subs.find((s) => s.cpCode === input.cpCode);
    if (!mine)
      return {
        ok: false,
        message: `The credentials work, but this shop has no ${input.cpCode} e-waybill subscription${subs.length ? ` (it has ${subs.map((s) => s.cpCode).join(', ')})` : ''}; subscribe in ${workbenchOf(platform)} first`,
      };
    const balance = mine.branches.reduce((n, b) => n + b.quantity, 0);
    return {
      ok: true,
      message: `Connected: ${input.cpCode} via ${mine.branches.map((b) => b.name).join(', ') || 'no branch'}; ${balance} numbers left`,
    };
  } catch (e) {
    if (e instanceof ChannelError) return { ok: false, message: e.message };
    throw e;
  }
}
