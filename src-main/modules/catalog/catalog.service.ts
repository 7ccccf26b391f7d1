import type { CoreContext } from '../../core-context';
import type { HandlingAttribute, Sku, SkuInput } from '../../../src-shared/contract/inventory.contract';
import { AppFailure } from '../../../src-shared/result';
import { recordAudit } from '../audit';
import {
  allComponents,
  allSkus,
  barcodeOwner,
  barcodesOf,
  bundlesContaining,
  componentsOf,
  findSkuByCode,
  replaceBarcodes,
  replaceComponents,
  searchSkus,
  upsertSku,
  type ComponentRow,
  type SkuRow,
} from './catalog.repo';

export const attributesOf = (r: SkuRow): HandlingAttribute[] => {
  const out: HandlingAttribute[] = [];
  if (r.coldChain) out.push('coldChain');
  if (r.bulky) out.push('bulky');
  if (r.fragile) out.push('fragile');
  if (r.battery) out.push('battery');
  if (r.liquid) out.push('liquid');
  return out;
};

function toSku(ctx: CoreContext, r: SkuRow, barcodes: string[]): Sku {
  return {
    id: r.id,
    sku: r.sku,
    title: r.title,
    spec: r.spec,
    barcodes,
    category: r.category,
    weightGrams: r.weightGrams,
    lengthMm: r.lengthMm,
    widthMm: r.widthMm,
    heightMm: r.heightMm,
    attributes: attributesOf(r),
    safetyStock: r.safetyStock,
    presaleShipDate: r.presaleShipDate,
    priceMinor: r.priceMinor,
    currency: r.currency,
    components: componentsOf(ctx.sqlite, r.id).map((c) => ({ sku: c.componentSku, quantity: c.quantity })),
  };
}

export function listSkus(
  ctx: CoreContext,
  input: { search?: string; offset: number; limit: number },
): { rows: Sku[]; total: number } {
  const { rows, total } = searchSkus(ctx.sqlite, input.search, input.offset, input.limit);
  const codes = barcodesOf(
    ctx.sqlite,
    rows.map((r) => r.id),
  );
  return { rows: rows.map((r) => toSku(ctx, r, codes.get(r.id) ?? [])), total };
}

export function saveSku(ctx: CoreContext, input: SkuInput, actor: string): Sku {
  const existing = findSkuByCode(ctx.sqlite, input.sku);
  const issues: { path: string; message: string }[] = [];
  const barcodes = [...new Set(input.barcodes)];
  // A scan is looked up as a SKU code first, then as a barcode: one text may not mean two SKUs.
  barcodes.forEach((code, i) => {
    const owner = barcodeOwner(ctx.sqlite, code);
    if (owner && owner.sku !== input.sku)
      issues.push({ path: `barcodes.${i}`, message: `"${code}" already belongs to SKU ${owner.sku}` });
    else if (code !== input.sku && findSkuByCode(ctx.sqlite, code))
      issues.push({ path: `barcodes.${i}`, message: `"${code}" is the code of SKU ${code}` });
  });
  const codeOwner = barcodeOwner(ctx.sqlite, input.sku);
  if (codeOwner && codeOwner.sku !== input.sku)
    issues.push({ path: 'sku', message: `"${input.sku}" is a barcode of SKU ${codeOwner.sku}` });
  const components: { skuId: number; quantity: number }[] = [];
  input.components.forEach((c, i) => {
    const comp = findSkuByCode(ctx.sqlite, c.sku);
    if (!comp) issues.push({ path: `components.${i}.sku`, message: `unknown SKU "${c.sku}"` });
    else if (c.sku === input.sku)
      issues.push({ path: `components.${i}.sku`, message: 'a bundle cannot contain itself' });
    else if (componentsOf(ctx.sqlite, comp.id).length > 0)
      issues.push({
        path: `components.${i}.sku`,
        message: `"${c.sku}" is itself a bundle; list its components instead`,
      });
    else components.push({ skuId: comp.id, quantity: c.quantity });
  });
  if (components.length > 0 && existing && bundlesContaining(ctx.sqlite, existing.id) > 0) {
    issues.push({
      path: 'components',
      message: `${input.sku} is a component of another bundle, so it cannot become a bundle itself`,
    });
  }
  if (issues.length) {
    throw new AppFailure(
      'invalid_input',
      `SKU ${input.sku} was not saved: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      issues,
    );
  }
  const has = (a: HandlingAttribute): boolean => input.attributes.includes(a);
  const id = upsertSku(
    ctx.sqlite,
    {
      sku: input.sku,
      title: input.title,
      spec: input.spec,
      barcode: barcodes[0] ?? null,
      category: input.category,
      weightGrams: input.weightGrams,
      lengthMm: input.lengthMm,
      widthMm: input.widthMm,
      heightMm: input.heightMm,
      coldChain: has('coldChain'),
      bulky: has('bulky'),
      fragile: has('fragile'),
      battery: has('battery'),
      liquid: has('liquid'),
      safetyStock: input.safetyStock,
      presaleShipDate: input.presaleShipDate,
      priceMinor: input.priceMinor,
      currency: input.currency,
    },
    ctx.now(),
  );
  replaceBarcodes(ctx.sqlite, id, barcodes);
  replaceComponents(ctx.sqlite, id, components);
  recordAudit(ctx.db, {
    at: ctx.now(),
    actor,
    entity: 'sku',
    entityId: id,
    action: existing ? 'edit' : 'create',
    data: input,
  });
  return toSku(ctx, findSkuByCode(ctx.sqlite, input.sku)!, barcodes);
}

/** The catalog as routing needs it: SKUs by code and each bundle's components. */
export interface CatalogSnapshot {
  byCode: Map<string, SkuRow>;
  byId: Map<number, SkuRow>;
  components: Map<number, ComponentRow[]>;
}

export function catalogSnapshot(ctx: CoreContext): CatalogSnapshot {
  const rows = allSkus(ctx.sqlite);
  const byCode = new Map(rows.map((r) => [r.sku, r]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const components = new Map<number, ComponentRow[]>();
  for (const c of allComponents(ctx.sqlite))
    components.set(c.bundleSkuId, [...(components.get(c.bundleSkuId) ?? []), c]);
  return { byCode, byId, components };
}

/** The physical SKUs an order line takes from stock: a bundle's components, else the SKU itself. */
export function stockNeeds(
  cat: CatalogSnapshot,
  sku: SkuRow,
  quantity: number,
): { sku: SkuRow; quantity: number }[] {
  const parts = cat.components.get(sku.id);
  if (!parts?.length) return [{ sku, quantity }];
  return parts.map((p) => ({ sku: cat.byId.get(p.componentSkuId)!, quantity: p.quantity * quantity }));
}
