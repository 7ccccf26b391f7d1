import type { Handlers } from '../../dispatch';
import type { CoreContext } from '../../core-context';
import type { SecretStore } from '../../adapters/secrets/secret-store.port';
import { ChannelError, checkedBaseUrl } from '../../adapters/channels/channel-http';
import type { SyncChannel } from '../../../src-shared/contract/sync.contract';
import { AppFailure } from '../../../src-shared/result';
import { recordAudit } from '../audit';
import type { SyncScheduler } from './sync-scheduler';
import { setCredentials } from './sync-credentials.service';
import {
  findApiChannel,
  listApiChannels,
  listSyncStates,
  saveApiConfig,
  secretChannelIds,
  type ApiChannelRow,
  type SyncStateRow,
} from './sync.repo';

const iso = (ms: number | null | undefined) =>
  ms === null || ms === undefined ? null : new Date(ms).toISOString();

function view(
  c: ApiChannelRow,
  s: SyncStateRow | undefined,
  secret: { backend: string; updatedAt: number } | undefined,
  sch: SyncScheduler,
): SyncChannel {
  const configured = !!c.api && !!secret;
  return {
    channelId: c.id,
    code: c.code,
    name: c.name,
    kind: c.kind as SyncChannel['kind'],
    enabled: c.enabled,
    url: c.api?.url ?? '',
    intervalMinutes: c.api?.intervalMinutes ?? 15,
    syncEnabled: c.api?.enabled ?? false,
    hasCredentials: !!secret,
    credentialsBackend: secret?.backend ?? null,
    credentialsUpdatedAt: iso(secret?.updatedAt),
    state: sch.isRunning(c.id)
      ? 'running'
      : !configured
        ? 'not_configured'
        : s?.state === 'running'
          ? 'idle'
          : (s?.state ?? 'idle'),
    running: sch.isRunning(c.id),
    lastRunAt: iso(s?.lastRunAt),
    lastSuccessAt: iso(s?.lastSuccessAt),
    // Null until the scheduler has planned it (right after start it runs due channels within seconds).
    nextRunAt: configured && c.enabled && c.api?.enabled ? iso(sch.nextRunAt(c.id)) : null,
    cursorAt: iso(s?.cursorAt),
    lastFullAt: iso(s?.lastFullAt),
    lastCounts: { imported: s?.imported ?? 0, updated: s?.updated ?? 0, unchanged: s?.unchanged ?? 0 },
    lastError: s?.lastError ?? null,
  };
}

export const syncHandlers = (ctx: CoreContext, deps: { scheduler: SyncScheduler; secrets: SecretStore }) => {
  const { scheduler, secrets } = deps;
  const one = (channelId: number): SyncChannel => {
    const c = findApiChannel(ctx.sqlite, channelId);
    if (!c)
      throw new AppFailure(
        'not_found',
        `Channel ${channelId} does not exist or is not a Shopify/WooCommerce channel`,
      );
    return view(
      c,
      listSyncStates(ctx.sqlite).get(channelId),
      secretChannelIds(ctx.sqlite).get(channelId),
      scheduler,
    );
  };
  return {
    'sync.status': async () => {
      const states = listSyncStates(ctx.sqlite);
      const secretsById = secretChannelIds(ctx.sqlite);
      const off = scheduler.offline();
      return {
        channels: listApiChannels(ctx.sqlite).map((c) =>
          view(c, states.get(c.id), secretsById.get(c.id), scheduler),
        ),
        secretStore: await secrets.status(),
        offline: off ? { since: iso(off.since)!, retryAt: iso(off.retryAt)!, reason: off.reason } : null,
      };
    },
    'sync.now': async ({ channelId, wait }) => {
      if (channelId !== undefined) {
        const c = one(channelId);
        if (!c.hasCredentials || !c.url)
          throw new AppFailure(
            'invalid_input',
            `Channel "${c.name}" needs its shop address and credentials before it can sync`,
          );
      }
      const withSecrets = secretChannelIds(ctx.sqlite);
      const started =
        channelId !== undefined
          ? [channelId]
          : listApiChannels(ctx.sqlite)
              .filter((c) => c.enabled && c.api?.enabled && withSecrets.has(c.id))
              .map((c) => c.id);
      const run = scheduler.runNow(channelId !== undefined ? [channelId] : undefined);
      // Failures are recorded per channel by the scheduler and pushed as sync.progress events.
      if (wait) await run;
      else run.catch((e: unknown) => console.error('[packdesk] sync failed:', e));
      return { started };
    },
    'sync.configure': ({ channelId, url, intervalMinutes, syncEnabled }, call) => {
      if (!findApiChannel(ctx.sqlite, channelId))
        throw new AppFailure(
          'not_found',
          `Channel ${channelId} does not exist or is not a Shopify/WooCommerce channel`,
        );
      try {
        checkedBaseUrl(url);
      } catch (e) {
        throw new AppFailure('invalid_input', (e as Error).message, [
          { path: 'url', message: (e as Error).message },
        ]);
      }
      saveApiConfig(
        ctx.sqlite,
        channelId,
        { url: url.trim(), intervalMinutes, enabled: syncEnabled },
        ctx.now(),
      );
      recordAudit(ctx.db, {
        at: ctx.now(),
        actor: call.actor,
        entity: 'channel',
        entityId: channelId,
        action: 'sync-config',
        data: { url, intervalMinutes, syncEnabled },
      });
      scheduler.reconnected(channelId);
      ctx.emit('settings.changed', { what: 'channels' });
      return one(channelId);
    },
    'channels.setCredentials': async ({ channelId, credentials }, call) => {
      const saved = await setCredentials(ctx, secrets, channelId, credentials, call.actor);
      scheduler.reconnected(channelId);
      return saved;
    },
    'channels.testConnection': async ({ channelId, url, credentials }) => {
      const c = findApiChannel(ctx.sqlite, channelId);
      if (!c)
        throw new AppFailure(
          'not_found',
          `Channel ${channelId} does not exist or is not a Shopify/WooCommerce channel`,
        );
      if (credentials && credentials.kind !== c.kind)
        throw new AppFailure(
          'invalid_input',
          `Channel "${c.name}" is a ${c.kind} channel; these are ${credentials.kind} credentials`,
          [{ path: 'credentials.kind', message: `must be ${c.kind}` }],
        );
      const typed = url?.trim();
      if (typed) {
        try {
          checkedBaseUrl(typed);
        } catch (e) {
          throw new AppFailure('invalid_input', (e as Error).message, [
            { path: 'url', message: (e as Error).message },
          ]);
        }
      }
      // The form's values stand in for the saved ones; nothing here writes them anywhere.
      const target = typed ? { ...c, api: { intervalMinutes: 15, enabled: false, ...c.api, url: typed } } : c;
      const secrets = credentials ? Object.values(credentials).filter((v) => v !== credentials.kind) : [];
      const scrub = (text: string) => secrets.reduce((t, s) => (s ? t.split(s).join('***') : t), text);
      try {
        const client = credentials
          ? scheduler.clientWith(target, credentials)
          : await scheduler.clientFor(target);
        const { shopName } = await client.testConnection();
        return { ok: true, shopName: scrub(shopName), message: scrub(`Connected to ${shopName}`) };
      } catch (e) {
        if (e instanceof ChannelError || e instanceof AppFailure)
          return { ok: false, shopName: null, message: scrub(e.message) };
        throw e;
      }
    },
  } satisfies Partial<Handlers>;
};
