import { parseArgs } from 'node:util';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import {
  LABEL_FORMATS,
  LABEL_SIZES,
  type LabelFormat,
  type LabelSize,
  type RenderedFile,
} from '../../../src-shared/contract/documents.contract';
import { AppFailure } from '../../../src-shared/result';
import { fsReason } from '../../adapters/files/fs-error';
import { must, UsageError, type Command } from '../cli-env';

const BY_EXTENSION: Record<string, LabelFormat> = {
  '.pdf': 'pdf',
  '.zpl': 'zpl',
  '.tspl': 'tspl',
  '.prn': 'tspl',
  '.bin': 'escpos',
  '.escpos': 'escpos',
};

/** Writes next to the target and renames, so a reader never sees half a label. */
export function writeAtomically(path: string, bytes: Buffer): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

export const labelCommand: Command = {
  name: 'label',
  usage: 'label ID --out FILE [--format pdf|zpl|tspl|escpos] [--size 100x150|76x130] [--dpi 203|300]',
  summary: 'write the shipping label of one order to a file',
  async run(args, env) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        format: { type: 'string' },
        size: { type: 'string', default: '100x150' },
        dpi: { type: 'string', default: '203' },
      },
    });
    const id = Number(positionals[0]);
    if (!positionals[0] || !Number.isInteger(id) || id < 1)
      throw new UsageError('label needs an order ID (a positive whole number)');
    if (positionals.length > 1)
      throw new UsageError(`label takes one order ID, got "${positionals.join(' ')}"`);
    if (!values.out) throw new UsageError('label needs --out FILE');
    // Without --format the file name decides (label.zpl → ZPL); anything else is a PDF.
    const format = values.format ?? BY_EXTENSION[extname(values.out).toLowerCase()] ?? 'pdf';
    if (!(LABEL_FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`unknown format "${format}"; use one of ${LABEL_FORMATS.join(', ')}`);
    }
    if (!(LABEL_SIZES as readonly string[]).includes(values.size)) {
      throw new UsageError(`unknown size "${values.size}"; use one of ${LABEL_SIZES.join(', ')}`);
    }
    const dpi = Number(values.dpi);
    if (!Number.isInteger(dpi) || dpi < 150 || dpi > 600)
      throw new UsageError('--dpi must be a whole number between 150 and 600, e.g. 203 or 300');
    const file = await must<RenderedFile>(
      env
        .core()
        .call(
          'documents.label',
          { orderId: id, format: format as LabelFormat, size: values.size as LabelSize, dpi },
          { actor: 'cli' },
        ),
    );
    const out = resolve(values.out);
    try {
      writeAtomically(out, Buffer.from(file.base64, 'base64'));
    } catch (e) {
      throw new AppFailure('invalid_input', `Cannot write the label to ${out}: ${fsReason(e)}`);
    }
    env.print(
      { orderId: id, format, size: values.size, path: out, bytes: file.bytes },
      () => `Label for order ${id} (${format}, ${values.size}) → ${out} (${file.bytes} bytes)`,
    );
    return 0;
  },
};
