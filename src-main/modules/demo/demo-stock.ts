import type { CoreContext } from '../../core-context';
import { moveStock, orderReference, stockLevel } from '../inventory';
import { int, type Rng } from './demo-random';

const ACTOR = 'demo';

interface Level {
  onHand: number;
  reserved: number;
}

/**
 * Keeps the demo's stock honest: every movement is a ledger row through `moveStock`, and before a
 * batch reserves or ships anything the book orders enough purchase receipts that the ledger's
 * "available never below zero" check holds, as a real buyer restocking would.
 */
export class DemoStockBook {
  private readonly levels = new Map<string, Level>();
  private reservations: { orderId: number; warehouseId: number; skuId: number; qty: number }[] = [];
  private outbound = new Map<string, number>();
  private returns = new Map<string, number>();
  rows = 0;

  constructor(private readonly ctx: CoreContext) {}

  private level(warehouseId: number, skuId: number): Level {
    const key = `${warehouseId}:${skuId}`;
    let l = this.levels.get(key);
    if (!l) this.levels.set(key, (l = stockLevel(this.ctx.sqlite, warehouseId, skuId)));
    return l;
  }

  private move(
    warehouseId: number,
    skuId: number,
    kind: 'receipt' | 'ship' | 'return' | 'reservation',
    qty: number,
    reference: string,
    reason: string,
  ): void {
    const l = this.level(warehouseId, skuId);
    const onHandDelta = kind === 'receipt' || kind === 'return' ? qty : kind === 'ship' ? -qty : 0;
    const reservedDelta = kind === 'reservation' ? qty : 0;
    moveStock(this.ctx, {
      warehouseId,
      skuId,
      kind,
      onHandDelta,
      reservedDelta,
      reference,
      reason,
      actor: ACTOR,
    });
    l.onHand += onHandDelta;
    l.reserved += reservedDelta;
    this.rows++;
  }

  /** Opening stock: a few cartons of every SKU in every warehouse. */
  open(r: Rng, warehouseId: number, skuId: number, carton: number, reference: string): void {
    this.move(warehouseId, skuId, 'receipt', carton * int(r, 1, 6), reference, '期初库存（演示数据）');
  }

  reserve(orderId: number, warehouseId: number, skuId: number, qty: number): void {
    this.reservations.push({ orderId, warehouseId, skuId, qty });
  }

  /** Shipped history is booked as one outbound row per warehouse and SKU per batch, not per parcel. */
  ship(warehouseId: number, skuId: number, qty: number, returned: boolean): void {
    const key = `${warehouseId}:${skuId}`;
    this.outbound.set(key, (this.outbound.get(key) ?? 0) + qty);
    if (returned) this.returns.set(key, (this.returns.get(key) ?? 0) + qty);
  }

  /** Writes the batch: restock where needed, then outbound, returns and per-order reservations. */
  flush(r: Rng, batch: string, cartonOf: (skuId: number) => number): void {
    const need = new Map<string, number>(this.outbound);
    for (const res of this.reservations) {
      const key = `${res.warehouseId}:${res.skuId}`;
      need.set(key, (need.get(key) ?? 0) + res.qty);
    }
    for (const [key, qty] of need) {
      const [w, s] = key.split(':').map(Number) as [number, number];
      const l = this.level(w, s);
      const short = qty - (l.onHand - l.reserved);
      if (short > 0) {
        const carton = cartonOf(s);
        // Round up to whole cartons and order a few more, so stock after the batch varies by SKU.
        const qtyIn = (Math.ceil(short / carton) + int(r, 1, 4)) * carton;
        this.move(w, s, 'receipt', qtyIn, `demo:po:${batch}`, '采购入库（演示数据）');
      }
    }
    for (const [key, qty] of this.outbound) {
      const [w, s] = key.split(':').map(Number) as [number, number];
      this.move(w, s, 'ship', qty, `demo:outbound:${batch}`, '历史发货出库汇总（演示数据）');
    }
    for (const [key, qty] of this.returns) {
      const [w, s] = key.split(':').map(Number) as [number, number];
      this.move(w, s, 'return', qty, `demo:return:${batch}`, '退货入库（演示数据）');
    }
    for (const res of this.reservations) {
      this.move(
        res.warehouseId,
        res.skuId,
        'reservation',
        res.qty,
        orderReference(res.orderId),
        '订单分配锁定库存',
      );
    }
    this.reservations = [];
    this.outbound = new Map();
    this.returns = new Map();
  }
}
