import type { Sqlite } from '../../adapters/db/open';
import { AppFailure } from '../../../src-shared/result';
import { sourceKey } from './spec-synonyms';
import { mappingRows, rekeyMappings } from './standardize.repo';

/**
 * After the synonym dictionary changed: each remembered mapping is keyed by its channel title and
 * spec as the new dictionary reads them, so it keeps matching the same channel text (otherwise a
 * mapping made before the edit is forgotten and its lines wait on the mapping screen again).
 * Mappings the edit makes one key keep one row when they name the same SKU; when they name
 * different SKUs the edit is refused, naming them, since whichever won would send one channel
 * spec's orders out with the other's goods. Runs inside the edit's write transaction.
 */
export function rekeyAfterSynonymEdit(
  sqlite: Sqlite,
  synonyms: ReadonlyMap<string, string>,
  edit: string,
): void {
  const kept = new Map<string, { title: string; spec: string; sku: string }>();
  const moves: { id: number; sourceKey: string }[] = [];
  const drop: number[] = [];
  for (const m of mappingRows(sqlite)) {
    const key = sourceKey(m.title, m.spec, synonyms);
    const first = kept.get(key);
    if (first && first.sku !== m.sku)
      throw new AppFailure(
        'conflict',
        `${edit} would make "${first.title} ${first.spec}" (mapped to ${first.sku}) and "${m.title} ${m.spec}" (mapped to ${m.sku}) the same spec; nothing was saved. Map one of them to the other's SKU first, or choose another canonical value`,
        [{ path: 'canonical', message: `joins specs mapped to ${first.sku} and ${m.sku}` }],
      );
    if (first) drop.push(m.id);
    else {
      kept.set(key, m);
      if (key !== m.sourceKey) moves.push({ id: m.id, sourceKey: key });
    }
  }
  if (moves.length || drop.length) rekeyMappings(sqlite, moves, drop);
}
