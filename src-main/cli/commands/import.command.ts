import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { IMPORT_FORMAT_NAMES } from '../../../src-shared/contract/intake.contract';
import { AppFailure } from '../../../src-shared/result';
import { CHANNEL_CODE, importFile, type ImportFormat } from '../../modules/intake';
import { UsageError, type Command } from '../cli-env';

export const importCommand: Command = {
  name: 'import',
  usage: `import FILE [--format ${IMPORT_FORMAT_NAMES.join('|')}] [--channel NAME]`,
  summary: 'import an order export (CSV/TSV/XLSX, UTF-8 or GBK); re-importing changes nothing',
  async run(args, env) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { format: { type: 'string', default: 'auto' }, channel: { type: 'string' }, 'page-size': { type: 'string' } },
    });
    const file = positionals[0];
    if (!file) throw new UsageError('import needs the FILE to import');
    const format = values.format as string;
    if (!(IMPORT_FORMAT_NAMES as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${IMPORT_FORMAT_NAMES.join(', ')}`);
    if (values.channel !== undefined && !CHANNEL_CODE.test(values.channel)) throw new UsageError('--channel must be a channel code: 2–32 letters, digits, - or _');
    const pageSize = values['page-size'] ? Number(values['page-size']) : undefined;
    let bytes: Buffer;
    try {
      bytes = readFileSync(resolve(file));
    } catch (e) {
      throw new AppFailure('not_found', `${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
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
    const doc = { imported: result.imported, updated: result.updated, unchanged: result.unchanged, rejected: result.rejected };
    env.print(doc, () =>
      [
        `${basename(file)} (${result.format} → channel ${result.channel || result.format}): ${result.imported} imported, ${result.updated} updated, ${result.unchanged} unchanged, ${result.rejected.length} rejected`,
        ...result.rejected.map((r) => `  row ${r.row}, column "${r.column}": ${r.message}`),
      ].join('\n'),
    );
    return 0;
  },
};
