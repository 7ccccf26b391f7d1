import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { IMPORT_FORMAT_NAMES } from '../../../src-shared/contract/intake.contract';
import { AppFailure } from '../../../src-shared/result';
import {
  CHANNEL_CODE,
  importFile,
  scanFolder,
  type FolderFileOutcome,
  type ImportFormat,
} from '../../modules/intake';
import { fsReason } from '../../adapters/files/fs-error';
import { UsageError, type CliEnv, type Command } from '../cli-env';

export const importCommand: Command = {
  name: 'import',
  usage: `import FILE [--format ${IMPORT_FORMAT_NAMES.join('|')}] [--channel NAME] | import --watch DIR [--once] [--interval S]`,
  summary: 'import an order export (CSV/TSV/XLSX, UTF-8 or GBK); re-importing changes nothing',
  async run(args, env) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'auto' },
        channel: { type: 'string' },
        'page-size': { type: 'string' },
        watch: { type: 'string' },
        once: { type: 'boolean', default: false },
        interval: { type: 'string', default: '30' },
      },
    });
    const file = positionals[0];
    const format = values.format as string;
    if (!(IMPORT_FORMAT_NAMES as readonly string[]).includes(format))
      throw new UsageError(`unknown --format "${format}"; one of ${IMPORT_FORMAT_NAMES.join(', ')}`);
    if (values.channel !== undefined && !CHANNEL_CODE.test(values.channel))
      throw new UsageError('--channel must be a channel code: 2–32 letters, digits, - or _');
    if (values.watch !== undefined)
      return watch(env, {
        dir: resolve(values.watch),
        format: format as ImportFormat | 'auto',
        channel: values.channel,
        once: values.once ?? false,
        seconds: Number(values.interval),
      });
    if (!file) throw new UsageError('import needs the FILE to import (or --watch DIR)');
    // `import exports/*.csv` would otherwise import the first file and silently skip the rest.
    if (positionals.length > 1)
      throw new UsageError(
        `import takes one FILE, got ${positionals.length}; to import a folder of exports use --watch DIR --once`,
      );
    const pageSize = values['page-size'] ? Number(values['page-size']) : undefined;
    let bytes: Buffer;
    try {
      bytes = readFileSync(resolve(file));
    } catch (e) {
      throw new AppFailure('not_found', `${file}: cannot be read (${fsReason(e)})`);
    }
    const result = await importFile(env.core().ctx, {
      fileName: basename(file),
      bytes,
      format: format as ImportFormat | 'auto',
      channel: values.channel,
      actor: 'cli',
      pageSize,
      // Printed only after the page committed: what is acknowledged here survives a crash.
      onPage: ({ done, total }) => process.stderr.write(`committed ${done}/${total}\n`),
    });
    const doc = {
      imported: result.imported,
      updated: result.updated,
      unchanged: result.unchanged,
      rejected: result.rejected,
      // Only when there is something to say about the whole file: scripts reading the four keys keep working.
      ...(result.notes.length ? { notes: result.notes } : {}),
    };
    // The channel the orders really went to: --channel, else the layout's (the template's rows may name their own).
    const channel =
      result.channel ||
      (result.format === 'packdesk'
        ? `from the channel column, else ${result.defaultChannel}`
        : result.defaultChannel);
    env.print(doc, () =>
      [
        `${basename(file)} (${result.format} → channel ${channel}): ${result.imported} imported, ${result.updated} updated, ${result.unchanged} unchanged, ${result.rejected.length} rejected`,
        ...result.notes.map((n) => `  note: ${n}`),
        ...result.rejected.map((r) => `  row ${r.row}, column "${r.column}": ${r.message}`),
      ].join('\n'),
    );
    return 0;
  },
};

/** A drop folder: files not yet imported are imported on each pass; --once for scripts and tests. */
async function watch(
  env: CliEnv,
  o: {
    dir: string;
    format: ImportFormat | 'auto';
    channel: string | undefined;
    once: boolean;
    seconds: number;
  },
): Promise<number> {
  if (!o.once && env.json)
    throw new UsageError('--json needs --once (a watch never ends, so it cannot print one document)');
  if (!(o.seconds >= 1)) throw new UsageError('--interval must be at least 1 second');
  const ctx = env.core().ctx;
  // A watch that prints nothing until a file arrives looks hung.
  if (!o.once) env.info(`Watching ${o.dir} every ${o.seconds} s for new exports (Ctrl+C stops)`);
  const outcome = (f: FolderFileOutcome) =>
    `${f.file}: ${f.status}${f.error ? ` (${f.error})` : f.result ? ` (${f.result.imported} imported, ${f.result.updated} updated, ${f.result.rejected.length} rejected)` : ''}`;
  // A damaged file stays in the folder and fails again on every pass: said once until it changes.
  const failed = new Map<string, string>();
  for (;;) {
    const files = await scanFolder(ctx, { dir: o.dir, format: o.format, channel: o.channel, actor: 'cli' });
    if (o.once) {
      env.print({ files }, () => files.map(outcome).join('\n') || 'nothing to import');
      return files.some((f) => f.status === 'failed') ? 1 : 0;
    }
    for (const f of files) {
      if (f.status === 'skipped' || (f.status === 'failed' && failed.get(f.file) === f.error)) continue;
      if (f.status === 'failed') failed.set(f.file, f.error ?? '');
      else failed.delete(f.file);
      env.info(`${new Date().toISOString()} ${outcome(f)}`);
    }
    await new Promise((r) => setTimeout(r, o.seconds * 1000));
  }
}
