import type { Handlers } from '../../dispatch';
import type { CoreContext } from '../../core-context';
import { findSkusForEntry } from './catalog.repo';

const MATCH = ['exact', 'prefix', 'contains'] as const;

export const catalogHandlers = (ctx: CoreContext) =>
  ({
    'skus.search': ({ query, limit }) => ({
      rows: findSkusForEntry(ctx.sqlite, query, limit).map(({ rank, ...r }) => ({
        ...r,
        match: MATCH[rank] ?? 'contains',
      })),
    }),
  }) satisfies Partial<Handlers>;
