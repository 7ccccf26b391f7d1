import type { Handlers } from '../../dispatch';
import type { CoreContext } from '../../core-context';
import { AppFailure } from '../../../src-shared/result';
import { deleteUpload, insertUploadChunk, listRuns, readUpload } from './intake.repo';
import { importFile } from './intake.service';
import type { RowProblem } from './intake.types';

const MAX_UPLOAD = 200 * 1024 * 1024;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export const intakeHandlers = (ctx: CoreContext) =>
  ({
    'intake.upload': ({ uploadId, seq, fileName, chunkBase64 }) => {
      const data = Buffer.from(chunkBase64, 'base64');
      const bytes = insertUploadChunk(ctx.sqlite, { uploadId, seq, fileName, data }, ctx.now());
      if (bytes > MAX_UPLOAD)
        throw new AppFailure(
          'invalid_input',
          `${fileName} is larger than 200 MiB; split it and import the parts`,
          [{ path: 'chunkBase64', message: 'file too large' }],
        );
      return { bytes };
    },
    'intake.import': async ({ uploadId, format, channel }, call) => {
      const upload = readUpload(ctx.sqlite, uploadId);
      if (!upload)
        throw new AppFailure(
          'not_found',
          `Upload ${uploadId} does not exist or has expired; choose the file again`,
        );
      const result = await importFile(ctx, {
        fileName: upload.fileName,
        bytes: upload.bytes,
        format,
        channel,
        actor: call.actor,
      });
      ctx.sqlite.transaction(() => deleteUpload(ctx.sqlite, uploadId)).immediate();
      return result;
    },
    'intake.runs': ({ limit }) => ({
      rows: listRuns(ctx.sqlite, limit).map((r) => ({
        id: r.id,
        fileName: r.fileName,
        format: r.format,
        channel: r.channelCode,
        status: r.status,
        totalOrders: r.totalOrders,
        doneOrders: r.doneOrders,
        imported: r.imported,
        updated: r.updated,
        unchanged: r.unchanged,
        rejected: JSON.parse(r.rejectedJson) as RowProblem[],
        startedAt: iso(r.startedAt) as string,
        finishedAt: iso(r.finishedAt),
      })),
    }),
  }) satisfies Partial<Handlers>;
