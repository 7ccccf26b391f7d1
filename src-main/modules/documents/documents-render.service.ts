import type { CoreContext } from '../../core-context';
import type { DocumentKind, RenderedFile } from '../../../src-shared/contract/documents.contract';
import { AppFailure } from '../../../src-shared/result';

export interface RenderInput {
  kind: Exclude<DocumentKind, 'label'>;
  orderIds: number[];
  carrier?: string;
  date?: string;
  language?: 'zh' | 'en';
}

export async function renderDocumentBytes(_ctx: CoreContext, input: RenderInput): Promise<Buffer> {
  throw new AppFailure('unavailable', `${input.kind} is not available yet`);
}

export async function renderDocument(ctx: CoreContext, input: RenderInput): Promise<RenderedFile> {
  const bytes = await renderDocumentBytes(ctx, input);
  return { filename: `${input.kind}.pdf`, mime: 'application/pdf', base64: bytes.toString('base64'), bytes: bytes.length };
}
