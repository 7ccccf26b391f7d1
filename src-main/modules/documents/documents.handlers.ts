import type { Handlers } from '../../dispatch';
import type { CoreContext } from '../../core-context';
import { getTemplate, renderLabel, saveCustoms, saveTemplate } from './documents.service';
import { renderDocument } from './documents-render.service';

export const documentsHandlers = (ctx: CoreContext) =>
  ({
    'documents.label': (input) => renderLabel(ctx, input),
    'documents.render': (input) => renderDocument(ctx, input),
    'documents.templates.get': ({ kind }) => getTemplate(ctx, kind),
    'documents.templates.save': (input) => saveTemplate(ctx, input),
    'documents.customs.save': ({ items }) => ({ saved: saveCustoms(ctx, items) }),
  }) satisfies Partial<Handlers>;
