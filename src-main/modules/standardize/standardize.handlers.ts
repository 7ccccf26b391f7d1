import type { Handlers } from '../../dispatch';
import type { CoreContext } from '../../core-context';
import { AppFailure } from '../../../src-shared/result';
import { dropOrderReasons, remapLineSku } from '../orders';
import { correctMappedLines } from './mapping-correct';
import { rekeyAfterSynonymEdit } from './mapping-rekey';
import { loadStandardizer, matchSku } from './order-standardize';
import { DEFAULT_SYNONYMS, sourceKey, synonymMap } from './spec-synonyms';
import {
  appendChanges,
  deleteMapping,
  deleteSynonym,
  listChanges,
  listMappingsByRecency,
  listShopSynonyms,
  mappedSku,
  saveMapping,
  saveSynonym,
  skuForCode,
  standardizeStatements,
  unmatchedLines,
} from './standardize.repo';

/** The reason standardizeOrder gives an unmatched line: `line 2 "…" (SKU "…") is not in the catalogue: …`. */
const NOT_IN_CATALOGUE = /^line (\d+) "[\s\S]*\) is not in the catalogue: /;

export const standardizeHandlers = (ctx: CoreContext) =>
  ({
    'standardize.changes': ({ orderId }) => ({ rows: listChanges(ctx.sqlite, orderId) }),
    'standardize.unmatched': ({ limit }) => {
      const s = loadStandardizer(ctx.sqlite);
      const groups = new Map<
        string,
        {
          sourceKey: string;
          title: string;
          spec: string;
          channelSku: string;
          lines: number;
          orders: Set<number>;
        }
      >();
      for (const l of unmatchedLines(ctx.sqlite, 50_000)) {
        const key = sourceKey(l.title, l.spec, s.synonyms);
        const g = groups.get(key) ?? {
          sourceKey: key,
          title: l.title,
          spec: l.spec,
          channelSku: l.sku,
          lines: 0,
          orders: new Set<number>(),
        };
        g.lines++;
        g.orders.add(l.orderId);
        groups.set(key, g);
      }
      const rows = [...groups.values()]
        .sort((a, b) => b.lines - a.lines)
        .slice(0, limit)
        .map((g) => {
          const m = matchSku({ ...s, mappings: new Map() }, g.title, g.spec, '');
          return {
            sourceKey: g.sourceKey,
            title: g.title,
            spec: g.spec,
            channelSku: g.channelSku,
            lines: g.lines,
            orders: g.orders.size,
            suggestion: m?.sku || null,
          };
        });
      return { rows };
    },
    'standardize.mapSku': ({ title, spec, sku: code }, call) => {
      // Typed or scanned: a barcode maps to the SKU it belongs to.
      const sku = skuForCode(ctx.sqlite, code.trim());
      if (sku === undefined) {
        throw new AppFailure(
          'invalid_input',
          `"${code}" is neither a SKU code nor a barcode in the catalogue; add it there first or pick another`,
          [{ path: 'sku', message: 'unknown SKU' }],
        );
      }
      const s = loadStandardizer(ctx.sqlite);
      const key = sourceKey(title, spec, s.synonyms);
      const previous = mappedSku(ctx.sqlite, key);
      saveMapping(ctx.sqlite, { sourceKey: key, title, spec, sku }, ctx.now());
      // A correction of a wrong mapping also moves what the old one mapped, where it still can.
      const correction =
        previous !== undefined && previous !== sku
          ? correctMappedLines(ctx.sqlite, { key, previous, sku, synonyms: s.synonyms }, call.actor)
          : { corrected: 0, left: 0, orderIds: [] };
      const lines = unmatchedLines(ctx.sqlite, 1_000_000).filter(
        (l) => sourceKey(l.title, l.spec, s.synonyms) === key,
      );
      remapLineSku(
        ctx.sqlite,
        lines.map((l) => l.lineId),
        sku,
      );
      // Shown on each order like any standardisation change, and its "not in the catalogue"
      // reason for that line goes: the line is in the catalogue now.
      appendChanges(
        standardizeStatements(ctx.sqlite),
        lines.map((l) => ({
          orderId: l.orderId,
          field: `lines.${l.lineNo}.sku`,
          before: l.sku,
          after: sku,
          reason: `mapped on the SKU mapping screen by ${call.actor}`,
        })),
      );
      const mapped = new Set(lines.map((l) => `${l.orderId}:${l.lineNo}`));
      const orderIds = [...new Set(lines.map((l) => l.orderId))];
      dropOrderReasons(ctx.sqlite, orderIds, (orderId, reason) => {
        const line = NOT_IN_CATALOGUE.exec(reason)?.[1];
        return line !== undefined && mapped.has(`${orderId}:${line}`);
      });
      const changed = [...new Set([...orderIds, ...correction.orderIds])];
      if (changed.length)
        ctx.emit('orders.changed', {
          ids: changed,
          reason: `SKU mapping ${title} ${spec} → ${sku} by ${call.actor}`,
        });
      return {
        sourceKey: key,
        remapped: lines.length,
        corrected: correction.corrected,
        left: correction.left,
      };
    },
    'standardize.mappings': () => ({
      rows: listMappingsByRecency(ctx.sqlite).map((m) => ({
        ...m,
        updatedAt: new Date(m.updatedAt).toISOString(),
      })),
    }),
    'standardize.forgetMapping': ({ sourceKey: key }) => ({ forgotten: deleteMapping(ctx.sqlite, key) }),
    'standardize.synonyms': () => {
      const shop = listShopSynonyms(ctx.sqlite);
      const shopTerms = new Set(shop.map((s) => s.term.toUpperCase()));
      return {
        rows: [
          ...shop.map((s) => ({ ...s, source: 'shop' as const })),
          ...Object.entries(DEFAULT_SYNONYMS)
            .filter(([t]) => !shopTerms.has(t.toUpperCase()))
            .map(([term, canonical]) => ({ term, canonical, source: 'default' as const })),
        ],
      };
    },
    'standardize.saveSynonym': ({ term, canonical }) => {
      const t = term.trim();
      const c = canonical.trim();
      if (c === '') deleteSynonym(ctx.sqlite, t);
      else saveSynonym(ctx.sqlite, t, c, ctx.now());
      const synonyms = synonymMap(listShopSynonyms(ctx.sqlite));
      rekeyAfterSynonymEdit(ctx.sqlite, synonyms, c === '' ? `Removing "${t}"` : `"${t}" → "${c}"`);
      return { term: t, canonical: synonyms.get(t.toUpperCase()) ?? '' };
    },
  }) satisfies Partial<Handlers>;
