import type { Sqlite } from '../../adapters/db/open';

/** The API connection settings a channel keeps in channels.config_json under `api` (nothing secret). */
export interface ApiConfig {
  /** Shopify shop domain, or the WooCommerce site URL. */
  url: string;
  intervalMinutes: number;
  enabled: boolean;
}

export interface ApiChannelRow {
  id: number;
  code: string;
  name: string;
  kind: string;
  enabled: boolean;
  api: ApiConfig | null;
}

export interface SyncStateRow {
  channelId: number;
  cursorAt: number | null;
  lastFullAt: number | null;
  lastRunAt: number | null;
  lastSuccessAt: number | null;
  imported: number;
  updated: number;
  unchanged: number;
  lastError: string | null;
  state: 'idle' | 'running' | 'ok' | 'error' | 'offline';
  sweepKind: 'incremental' | 'full' | null;
  sweepSince: number | null;
  sweepCursor: string | null;
  sweepStartedAt: number | null;
  sweepMaxAt: number | null;
}

export const API_KINDS = ['shopify', 'woocommerce'] as const;

function parseApi(json: string): ApiConfig | null {
  try {
    const api = (JSON.parse(json) as { api?: Partial<ApiConfig> }).api;
    if (!api || typeof api.url !== 'string') return null;
    return {
      url: api.url,
      intervalMinutes: Number(api.intervalMinutes) || 15,
      enabled: api.enabled !== false,
    };
  } catch {
    return null;
  }
}

export function listApiChannels(sqlite: Sqlite): ApiChannelRow[] {
  const rows = sqlite
    .prepare(
      `select id, code, name, kind, enabled, config_json as configJson from channels where kind in ('shopify','woocommerce') order by id`,
    )
    .all() as { id: number; code: string; name: string; kind: string; enabled: number; configJson: string }[];
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    enabled: r.enabled === 1,
    api: parseApi(r.configJson),
  }));
}

export const findApiChannel = (sqlite: Sqlite, id: number): ApiChannelRow | undefined =>
  listApiChannels(sqlite).find((c) => c.id === id);

/** Merges `api` into the channel's config, keeping settings other features store there. */
export function saveApiConfig(sqlite: Sqlite, channelId: number, api: ApiConfig, now: number): void {
  const row = sqlite.prepare('select config_json as json from channels where id = ?').get(channelId) as
    { json: string } | undefined;
  let config: Record<string, unknown>;
  try {
    config = JSON.parse(row?.json ?? '{}') as Record<string, unknown>;
  } catch {
    config = {};
  }
  sqlite
    .prepare('update channels set config_json = ?, updated_at = ? where id = ?')
    .run(JSON.stringify({ ...config, api }), now, channelId);
}

export function saveSecret(
  sqlite: Sqlite,
  channelId: number,
  backend: string,
  ciphertext: Uint8Array,
  now: number,
): void {
  sqlite
    .prepare(
      `insert into channel_secrets (channel_id, backend, ciphertext, updated_at) values (?, ?, ?, ?)
       on conflict (channel_id) do update set backend = excluded.backend, ciphertext = excluded.ciphertext, updated_at = excluded.updated_at`,
    )
    .run(channelId, backend, Buffer.from(ciphertext), now);
}

export function findSecret(
  sqlite: Sqlite,
  channelId: number,
): { backend: string; ciphertext: Buffer; updatedAt: number } | undefined {
  return sqlite
    .prepare('select backend, ciphertext, updated_at as updatedAt from channel_secrets where channel_id = ?')
    .get(channelId) as { backend: string; ciphertext: Buffer; updatedAt: number } | undefined;
}

export function secretChannelIds(sqlite: Sqlite): Map<number, { backend: string; updatedAt: number }> {
  const rows = sqlite
    .prepare('select channel_id as id, backend, updated_at as updatedAt from channel_secrets')
    .all() as { id: number; backend: string; updatedAt: number }[];
  return new Map(rows.map((r) => [r.id, { backend: r.backend, updatedAt: r.updatedAt }]));
}

const STATE_COLUMNS = `channel_id as channelId, cursor_at as cursorAt, last_full_at as lastFullAt, last_run_at as lastRunAt,
  last_success_at as lastSuccessAt, imported, updated, unchanged, last_error as lastError, state, sweep_kind as sweepKind,
  sweep_since as sweepSince, sweep_cursor as sweepCursor, sweep_started_at as sweepStartedAt, sweep_max_at as sweepMaxAt`;

export function findSyncState(sqlite: Sqlite, channelId: number): SyncStateRow | undefined {
  return sqlite.prepare(`select ${STATE_COLUMNS} from sync_state where channel_id = ?`).get(channelId) as
    SyncStateRow | undefined;
}

export function listSyncStates(sqlite: Sqlite): Map<number, SyncStateRow> {
  const rows = sqlite.prepare(`select ${STATE_COLUMNS} from sync_state`).all() as SyncStateRow[];
  return new Map(rows.map((r) => [r.channelId, r]));
}

const SETTABLE = {
  cursorAt: 'cursor_at',
  lastFullAt: 'last_full_at',
  lastRunAt: 'last_run_at',
  lastSuccessAt: 'last_success_at',
  imported: 'imported',
  updated: 'updated',
  unchanged: 'unchanged',
  lastError: 'last_error',
  state: 'state',
  sweepKind: 'sweep_kind',
  sweepSince: 'sweep_since',
  sweepCursor: 'sweep_cursor',
  sweepStartedAt: 'sweep_started_at',
  sweepMaxAt: 'sweep_max_at',
} as const;

/** Creates the row on first use and sets the given fields; call inside the page's transaction. */
export function patchSyncState(
  sqlite: Sqlite,
  channelId: number,
  patch: Partial<Omit<SyncStateRow, 'channelId'>>,
  now: number,
): void {
  sqlite
    .prepare(
      'insert into sync_state (channel_id, updated_at) values (?, ?) on conflict (channel_id) do nothing',
    )
    .run(channelId, now);
  const keys = (Object.keys(patch) as (keyof typeof SETTABLE)[]).filter((k) => k in SETTABLE);
  if (!keys.length) return;
  const sets = keys.map((k) => `${SETTABLE[k]} = @${k}`).join(', ');
  sqlite
    .prepare(`update sync_state set ${sets}, updated_at = @now where channel_id = @channelId`)
    .run({ ...patch, now, channelId });
}
