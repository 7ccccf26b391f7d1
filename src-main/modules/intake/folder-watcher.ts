import type { CoreContext } from '../../core-context';
import { AppFailure } from '../../../src-shared/result';
import { watchedChannels, type WatchedChannel } from '../channels';
import { scanFolder, type FolderFileOutcome } from './folder-watch';
import { recordFolderEvent } from './folder-state.repo';

export interface FolderWatcherOptions {
  ctx: CoreContext;
  /** How often the folders are polled (polling works on network drives and every OS alike). */
  intervalMs?: number;
  /** A file changed more recently than this may still be being copied; it waits for the next pass. */
  settleMs?: number;
}

export interface FolderScanResult {
  channelId: number;
  file: string;
  status: FolderFileOutcome['status'];
  message: string | null;
}

export interface FolderWatcher {
  start(): void;
  stop(): void;
  readonly watching: boolean;
  /** One pass now over every enabled folder, or one channel's folder (enabled or not). */
  scanNow(channelId?: number): Promise<FolderScanResult[]>;
}

const describe = (o: FolderFileOutcome): string | null =>
  o.status === 'failed'
    ? (o.error ?? null)
    : o.result
      ? `${o.result.imported} new, ${o.result.updated} updated, ${o.result.unchanged} unchanged${o.result.rejected.length ? `, ${o.result.rejected.length} rows rejected` : ''}${o.result.notes.map((n) => `; ${n}`).join('')}`
      : o.status === 'skipped'
        ? 'already imported'
        : null;

/**
 * Watches each channel's drop folder while the core runs: new exports are imported for that
 * channel and moved to processed/ (or failed/ with the reason), so nothing imports twice even if a
 * file is dropped again (the content hash remembers it). Passes never overlap.
 */
export function createFolderWatcher(opts: FolderWatcherOptions): FolderWatcher {
  const { ctx } = opts;
  const intervalMs = opts.intervalMs ?? 10_000;
  const settleMs = opts.settleMs ?? 2_000;
  let timer: ReturnType<typeof setInterval> | null = null;
  let pass: Promise<FolderScanResult[]> | null = null;

  const scanOne = async (c: WatchedChannel, settle: number): Promise<FolderScanResult[]> => {
    const record = (
      file: string | null,
      status: Parameters<typeof recordFolderEvent>[1]['status'],
      message: string | null,
    ) =>
      ctx.sqlite
        .transaction(() =>
          recordFolderEvent(ctx.sqlite, { channelId: c.id, at: ctx.now(), file, status, message }),
        )
        .immediate();
    const results: FolderScanResult[] = [];
    try {
      await scanFolder(ctx, {
        dir: c.watch.dir,
        format: c.watch.format,
        channel: c.code,
        actor: `folder:${c.code}`,
        archive: true,
        settleMs: settle,
        onFile: (o) => {
          const message = describe(o);
          record(o.file, o.status, message);
          results.push({ channelId: c.id, file: o.file, status: o.status, message });
        },
      });
      record(null, null, null);
    } catch (e) {
      if (!(e instanceof AppFailure) && !(e as NodeJS.ErrnoException).code) throw e;
      // The folder is gone or unreadable (unplugged drive, moved share): shown on the sync screen.
      record(null, 'error', (e as Error).message);
    }
    ctx.emit('folders.changed', { channelId: c.id });
    return results;
  };

  const run = (channelId: number | undefined, settle: number): Promise<FolderScanResult[]> => {
    const go = async () => {
      const all = watchedChannels(ctx.sqlite).filter((c) =>
        channelId === undefined ? c.enabled && c.watch.enabled : c.id === channelId,
      );
      if (channelId !== undefined && all.length === 0)
        throw new AppFailure('not_found', `Channel ${channelId} has no watched folder`);
      const out: FolderScanResult[] = [];
      for (const c of all) out.push(...(await scanOne(c, settle)));
      return out;
    };
    // One pass at a time: a manual scan waits for the timer's pass to end, then runs its own.
    const next = (pass ?? Promise.resolve([])).catch(() => []).then(go);
    pass = next;
    void next
      .finally(() => {
        if (pass === next) pass = null;
      })
      .catch(() => undefined);
    return next;
  };

  return {
    start() {
      if (timer) return;
      const tick = () => {
        if (pass) return; // the previous pass is still importing a big file
        run(undefined, settleMs).catch((e: unknown) => console.error('[packdesk] folder watch failed:', e));
      };
      timer = setInterval(tick, intervalMs);
      timer.unref?.();
      tick();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
    get watching() {
      return timer !== null;
    },
    // Asked for by a person: they dropped the file and pressed the button, so no settling wait.
    scanNow: (channelId) => run(channelId, 0),
  };
}
