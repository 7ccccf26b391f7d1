import type { CoreContext } from '../../core-context';
import type { PackSession } from '../../../src-shared/contract/fulfillment.contract';
import { AppFailure } from '../../../src-shared/result';
import { parcelGrams, weightTolerance, weightWithin } from '../../../src-shared/domain/pack-weight';
import { recordAudit } from '../audit';
import { transitionOrder } from '../orders';
import { boxByCode, checkSupervisorPin, readSettings } from '../settings';
import { enqueuePrint } from '../printing';
import { orderIdFromBarcode } from '../documents';
import { activeByCode, waybillAtPack } from '../waybill';
import {
  activeWaveOf,
  completeSession,
  expectedLines,
  externalIdOf,
  findSession,
  insertScan,
  insertSession,
  openSessionOf,
  orderIdByExternal,
  orderInSlot,
  orderStatusOf,
  refusedScans,
  scanCodesOf,
  scannedCounts,
  skuByBarcode,
  type ExpectedLine,
} from './fulfillment.repo';

/**
 * Finds the order scanned at a bench: a tote (T<wave>-<slot>), the order barcode printed on the
 * pick list, label and packing slip (PD00000042), an order id, a channel order number or the
 * platform e-waybill number on the parcel.
 */
export function resolveOrder(ctx: CoreContext, code: string, status = 'picking'): number {
  const tote = /^T(\d+)-(\d+)$/i.exec(code);
  if (tote) {
    const id = orderInSlot(ctx.sqlite, Number(tote[1]), Number(tote[2]));
    if (!id) throw new AppFailure('not_found', `Tote ${code} holds no order`);
    return id;
  }
  const candidates = new Set(orderIdByExternal(ctx.sqlite, code));
  // The platform e-waybill on the parcel: its number names the order at the ship desk.
  const waybill = activeByCode(ctx.sqlite, code);
  if (waybill) candidates.add(waybill.orderId);
  const printed = orderIdFromBarcode(code);
  if (printed !== null && orderStatusOf(ctx.sqlite, printed)) candidates.add(printed);
  if (/^\d{1,15}$/.test(code) && orderStatusOf(ctx.sqlite, Number(code))) candidates.add(Number(code));
  if (!candidates.size) throw new AppFailure('not_found', `No order, channel order number or tote "${code}"`);
  const picking = [...candidates].filter((id) => orderStatusOf(ctx.sqlite, id) === status);
  if (picking.length > 1)
    throw new AppFailure('conflict', `"${code}" matches orders ${picking.join(', ')}; scan the tote instead`);
  if (!picking.length) {
    const id = [...candidates][0]!;
    throw new AppFailure(
      'conflict',
      `Order ${id} is ${orderStatusOf(ctx.sqlite, id)}; this step needs a ${status} order`,
    );
  }
  return picking[0]!;
}

function sessionContext(ctx: CoreContext, sessionId: number) {
  const s = findSession(ctx.sqlite, sessionId);
  if (!s) throw new AppFailure('not_found', `Packing session ${sessionId} does not exist`);
  const wave = activeWaveOf(ctx.sqlite, s.orderId);
  const expected: ExpectedLine[] = wave ? expectedLines(ctx.sqlite, wave.waveId, s.orderId) : [];
  return { s, expected, counts: scannedCounts(ctx.sqlite, sessionId) };
}

function view(ctx: CoreContext, sessionId: number): PackSession {
  const { s, expected, counts } = sessionContext(ctx, sessionId);
  const externalId = externalIdOf(ctx.sqlite, s.orderId);
  return {
    sessionId: s.id,
    orderId: s.orderId,
    externalId,
    status: s.status as 'open' | 'completed',
    lines: expected.map((l) => ({
      sku: l.sku,
      title: l.title,
      expected: l.quantity,
      scanned: counts.get(l.skuId) ?? 0,
      barcodes: scanCodesOf(ctx.sqlite, l.skuId),
    })),
    expectedWeightGrams: expected.reduce((sum, l) => sum + l.weightGrams * l.quantity, 0),
    // What completion will refuse over, so a bench reopening the parcel can list it.
    refused: refusedScans(ctx.sqlite, s.id).map((r) => ({
      barcode: r.barcode,
      sku: r.sku,
      result: r.result as 'wrong_item' | 'extra_item',
    })),
  };
}

export function openPacking(ctx: CoreContext, code: string, actor: string): PackSession {
  const orderId = resolveOrder(ctx, code);
  if (!activeWaveOf(ctx.sqlite, orderId))
    throw new AppFailure('conflict', `Order ${orderId} is not in a pick wave; make a wave first`);
  const open = openSessionOf(ctx.sqlite, orderId);
  return view(ctx, open ? open.id : insertSession(ctx.sqlite, orderId, actor, ctx.now()));
}

export function packScan(ctx: CoreContext, input: { sessionId: number; barcode: string }) {
  const { s, expected, counts } = sessionContext(ctx, input.sessionId);
  if (s.status !== 'open') throw new AppFailure('conflict', `Packing session ${s.id} is already complete`);
  const hit = skuByBarcode(ctx.sqlite, input.barcode);
  const line = hit && expected.find((l) => l.skuId === hit.skuId);
  let result: 'ok' | 'wrong_item' | 'extra_item';
  let message: string;
  if (!hit) {
    result = 'wrong_item';
    message = `WRONG ITEM: barcode ${input.barcode} is not a known product; take it out`;
  } else if (!line) {
    result = 'wrong_item';
    message = `WRONG ITEM: ${hit.sku} (${hit.title}) is not in order ${s.orderId}; take it out`;
  } else if ((counts.get(hit.skuId) ?? 0) >= line.quantity) {
    result = 'extra_item';
    message = `EXTRA ITEM: order ${s.orderId} needs only ${line.quantity} × ${hit.sku} (${hit.title}); take this one out`;
  } else {
    result = 'ok';
    const n = (counts.get(hit.skuId) ?? 0) + 1;
    message = `${hit.sku}: ${n} of ${line.quantity}`;
  }
  insertScan(ctx.sqlite, {
    sessionId: s.id,
    barcode: input.barcode,
    skuId: hit?.skuId ?? null,
    result,
    at: ctx.now(),
  });
  return { result, message, sku: hit?.sku ?? null, session: view(ctx, s.id) };
}

function tolerance(ctx: CoreContext, expectedGrams: number): number {
  const v = readSettings(ctx.db, ['packing.weightTolerancePct', 'packing.weightToleranceGrams']);
  return weightTolerance(expectedGrams, v['packing.weightTolerancePct'], v['packing.weightToleranceGrams']);
}

export function completePacking(
  ctx: CoreContext,
  input: {
    sessionId: number;
    weightGrams?: number;
    box?: string;
    override?: { supervisor: string; reason: string; pin?: string };
  },
  actor: string,
) {
  const { s, expected, counts } = sessionContext(ctx, input.sessionId);
  if (s.status !== 'open') throw new AppFailure('conflict', `Packing session ${s.id} is already complete`);
  const missing = expected
    .filter((l) => (counts.get(l.skuId) ?? 0) < l.quantity)
    .map((l) => `${l.quantity - (counts.get(l.skuId) ?? 0)} × ${l.sku} (${l.title})`);
  const problems: string[] = [];
  if (missing.length) problems.push(`missing ${missing.join(', ')}`);
  // A wrong or extra item may still be in the box; only a supervisor can vouch that it is not.
  const refused = refusedScans(ctx.sqlite, s.id);
  if (refused.length)
    problems.push(
      `${refused.length} wrong or extra scan${refused.length > 1 ? 's' : ''} (${refused
        .map((r) => `${r.result.replace('_', ' ')} ${r.sku ?? r.barcode}`)
        .join(', ')})`,
    );
  const box = input.box === undefined ? null : boxByCode(ctx.db, input.box);
  const itemsGrams = expected.reduce((sum, l) => sum + l.weightGrams * l.quantity, 0);
  if (input.weightGrams !== undefined && itemsGrams > 0) {
    const expectedGrams = parcelGrams(itemsGrams, box?.tareGrams);
    const tol = tolerance(ctx, expectedGrams);
    if (!weightWithin(input.weightGrams, expectedGrams, tol))
      problems.push(
        box
          ? `the parcel weighs ${input.weightGrams} g but the items in box ${box.code} should weigh ${expectedGrams} g (${itemsGrams} g + ${box.tareGrams} g box, ±${tol} g)`
          : `the parcel weighs ${input.weightGrams} g but the items should weigh ${expectedGrams} g (±${tol} g)`,
      );
  }
  if (problems.length && !input.override)
    throw new AppFailure(
      'conflict',
      `Order ${s.orderId} cannot be completed: ${problems.join('; ')}. Scan what is missing, or a supervisor overrides with a reason`,
    );
  // Only an override that is used needs the PIN; it is checked before anything is written.
  const pinChecked =
    problems.length > 0 &&
    !!input.override &&
    checkSupervisorPin(ctx, input.override.pin, `Overriding order ${s.orderId}`);
  // Never the PIN itself: only who, why, and whether a PIN vouched for it.
  const overrideJson =
    problems.length && input.override
      ? JSON.stringify({
          supervisor: input.override.supervisor,
          reason: input.override.reason,
          pinChecked,
          problems,
        })
      : null;
  completeSession(ctx.sqlite, s.id, {
    weightGrams: input.weightGrams ?? null,
    box: box?.code ?? null,
    overrideJson,
    now: ctx.now(),
  });
  if (overrideJson && input.override)
    recordAudit(ctx.db, {
      at: ctx.now(),
      actor,
      entity: 'order',
      entityId: s.orderId,
      action: 'pack_override',
      reason: `supervisor ${input.override.supervisor}: ${input.override.reason} (${problems.join('; ')})`,
      data: { sessionId: s.id, supervisor: input.override.supervisor, pinChecked, problems },
    });
  transitionOrder(
    ctx,
    s.orderId,
    'packed',
    actor,
    `packed in session ${s.id}` +
      (box ? `, box ${box.code}` : '') +
      (overrideJson ? ' (supervisor override)' : ''),
  );
  // A carrier with a platform e-waybill account prints the platform's label, never Packdesk's.
  const platform = waybillAtPack(ctx, s.orderId, actor);
  const printJobs: { document: string; jobId: number }[] = [...platform.printJobs];
  const warnings: string[] = [...platform.warnings];
  const documents = platform.platform ? (['packing_slip'] as const) : (['label', 'packing_slip'] as const);
  for (const document of documents) {
    try {
      const r = enqueuePrint(ctx, { document, orderIds: [s.orderId] }, actor);
      for (const j of r.jobs) printJobs.push({ document, jobId: j.id });
    } catch (e) {
      // No printer set up must not stop the bench: the parcel is packed, the paperwork can follow.
      if (!(e instanceof AppFailure)) throw e;
      warnings.push(`${document.replace('_', ' ')} not queued: ${e.message}`);
    }
  }
  ctx.emit('orders.changed', { ids: [s.orderId], reason: 'packed' });
  return { orderId: s.orderId, status: 'packed' as const, printJobs, warnings };
}
