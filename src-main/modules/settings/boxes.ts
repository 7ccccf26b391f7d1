import type { CoreContext, Db } from '../../core-context';
import type { PackBox } from '../../../src-shared/contract/settings.contract';
import { AppFailure } from '../../../src-shared/result';
import { readSettings, writeSetting } from './settings.repo';

const BOXES_KEY = 'packing.boxes';

/**
 * Until the shop saves its own: common Chinese courier cartons (inner size, single-wall tare) and a
 * poly mailer. Codes are at least 4 characters: the bench tells a scan from typing by a fast
 * burst of 4 or more keys, so a shorter box barcode would land in the weight field as digits.
 */
export const DEFAULT_BOXES: PackBox[] = [
  { code: 'BAG-M', name: 'Poly mailer 快递袋', lengthMm: 300, widthMm: 200, heightMm: 10, tareGrams: 15 },
  { code: 'BOX-XS', name: 'Carton XS', lengthMm: 150, widthMm: 100, heightMm: 80, tareGrams: 50 },
  { code: 'BOX-S1', name: 'Carton S1', lengthMm: 200, widthMm: 150, heightMm: 100, tareGrams: 80 },
  { code: 'BOX-S2', name: 'Carton S2', lengthMm: 250, widthMm: 150, heightMm: 120, tareGrams: 100 },
  { code: 'BOX-M1', name: 'Carton M1', lengthMm: 300, widthMm: 200, heightMm: 150, tareGrams: 150 },
  { code: 'BOX-M2', name: 'Carton M2', lengthMm: 350, widthMm: 250, heightMm: 200, tareGrams: 220 },
  { code: 'BOX-L1', name: 'Carton L1', lengthMm: 450, widthMm: 350, heightMm: 250, tareGrams: 350 },
  { code: 'BOX-L2', name: 'Carton L2', lengthMm: 530, widthMm: 290, heightMm: 370, tareGrams: 480 },
];

export function listBoxes(db: Db): PackBox[] {
  const saved = readSettings(db, [BOXES_KEY])[BOXES_KEY];
  return Array.isArray(saved) ? (saved as PackBox[]) : DEFAULT_BOXES;
}

export function saveBoxes(ctx: CoreContext, rows: PackBox[]): { rows: PackBox[] } {
  writeSetting(ctx.db, BOXES_KEY, rows, ctx.now());
  ctx.emit('settings.changed', { what: 'settings' });
  return { rows };
}

/** The catalogue box with this code (any case); a code the catalogue does not have is refused by name. */
export function boxByCode(db: Db, code: string): PackBox {
  const boxes = listBoxes(db);
  const box = boxes.find((b) => b.code.toUpperCase() === code.trim().toUpperCase());
  if (!box)
    throw new AppFailure(
      'invalid_input',
      `Box "${code}" is not in the box catalogue (${boxes.map((b) => b.code).join(', ')})`,
      [{ path: 'box', message: 'is not in the box catalogue' }],
    );
  return box;
}
