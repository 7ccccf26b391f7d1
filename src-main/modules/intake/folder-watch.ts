import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CoreContext } from '../../core-context';
import { AppFailure } from '../../../src-shared/result';
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

/**
 * One pass over a channel's drop folder: every export not yet fully imported is imported (an
 * interrupted one resumes), files already done are skipped by their content hash, and a bad file
 * is reported without stopping the others. Files are left where they are: the hash is the memory.
 */
export async function scanFolder(
  ctx: CoreContext,
  opts: { dir: string; format: ImportFormat | 'auto'; channel?: string; actor: string },
): Promise<FolderFileOutcome[]> {
  let names: string[];
  try {
    names = readdirSync(opts.dir)
      .filter((n) => IMPORTABLE.test(n))
      .sort();
  } catch (e) {
    throw new AppFailure(
      'not_found',
      `${opts.dir}: the watched folder cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
  }
  const out: FolderFileOutcome[] = [];
  for (const name of names) {
    const path = join(opts.dir, name);
    if (!statSync(path).isFile()) continue;
    const bytes = readFileSync(path);
    const hash = createHash('sha256').update(bytes).digest('hex');
    if (hasDoneRun(ctx.sqlite, hash, opts.channel ?? '')) {
      out.push({ file: name, status: 'skipped' });
      continue;
    }
    try {
      const result = await importFile(ctx, {
        fileName: name,
        bytes,
        format: opts.format,
        channel: opts.channel,
        actor: opts.actor,
      });
      out.push({ file: name, status: 'imported', result });
    } catch (e) {
      if (!(e instanceof AppFailure)) throw e;
      out.push({ file: name, status: 'failed', error: e.message });
    }
  }
  return out;
}
