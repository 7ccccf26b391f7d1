import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { CoreContext } from '../../core-context';
import { AppFailure } from '../../../src-shared/result';
import { fsReason } from '../../adapters/files/fs-error';
import { hasDoneRun } from './intake.repo';
import { importFile, type ImportResult } from './intake.service';
import type { ImportFormat } from './intake.types';

export interface FolderFileOutcome {
  file: string;
  status: 'imported' | 'skipped' | 'failed';
  result?: ImportResult;
  error?: string;
}

const IMPORTABLE = /\.(csv|tsv|txt|xlsx)$/i;
/** Excel's "~$orders.xlsx" owner file while a sheet is open, and hidden files: never exports. */
const NOT_AN_EXPORT = /^(~\$|\.)/;
export const PROCESSED_DIR = 'processed';
export const FAILED_DIR = 'failed';

/** Moves a file into a subfolder, never over an earlier file of the same name. */
function moveInto(dir: string, sub: string, name: string, now: number): string {
  const target = join(dir, sub);
  mkdirSync(target, { recursive: true });
  let dest = join(target, name);
  if (existsSync(dest)) {
    const ext = extname(name);
    dest = join(target, `${basename(name, ext)}.${new Date(now).toISOString().replace(/[:.]/g, '-')}${ext}`);
  }
  renameSync(join(dir, name), dest);
  return dest;
}

/**
 * One pass over a channel's drop folder: every export not yet fully imported is imported (an
 * interrupted one resumes), files already done are skipped by their content hash, and a bad file
 * is reported without stopping the others. The hash is the memory that nothing imports twice; with
 * `archive` (the core's watcher) files are also moved out of the way afterwards, to processed/ or
 * to failed/ beside a .error.txt saying why, so the folder shows what is still to do. A file
 * modified within `settleMs` may still be being copied and waits for the next pass.
 */
export async function scanFolder(
  ctx: CoreContext,
  opts: {
    dir: string;
    format: ImportFormat | 'auto';
    channel?: string;
    actor: string;
    archive?: boolean;
    settleMs?: number;
    onFile?: (outcome: FolderFileOutcome) => void;
  },
): Promise<FolderFileOutcome[]> {
  let names: string[];
  try {
    names = readdirSync(opts.dir)
      .filter((n) => IMPORTABLE.test(n) && !NOT_AN_EXPORT.test(n))
      .sort();
  } catch (e) {
    throw new AppFailure('not_found', `${opts.dir}: the watched folder cannot be read (${fsReason(e)})`);
  }
  const out: FolderFileOutcome[] = [];
  for (const name of names) {
    const path = join(opts.dir, name);
    const stat = statSync(path);
    if (!stat.isFile()) continue;
    if (opts.settleMs && Date.now() - stat.mtimeMs < opts.settleMs) continue;
    const bytes = readFileSync(path);
    const hash = createHash('sha256').update(bytes).digest('hex');
    let outcome: FolderFileOutcome;
    if (hasDoneRun(ctx.sqlite, hash, opts.channel ?? '')) outcome = { file: name, status: 'skipped' };
    else {
      try {
        const result = await importFile(ctx, {
          fileName: name,
          bytes,
          format: opts.format,
          channel: opts.channel,
          actor: opts.actor,
        });
        outcome = { file: name, status: 'imported', result };
      } catch (e) {
        if (!(e instanceof AppFailure)) throw e;
        outcome = { file: name, status: 'failed', error: e.message };
      }
    }
    if (opts.archive) {
      if (outcome.status === 'failed') {
        const moved = moveInto(opts.dir, FAILED_DIR, name, ctx.now());
        writeFileSync(`${moved}.error.txt`, `${outcome.error}\n`);
      } else moveInto(opts.dir, PROCESSED_DIR, name, ctx.now());
    }
    opts.onFile?.(outcome);
    out.push(outcome);
  }
  return out;
}
