import { aCore, value } from '../fixtures/core';
import { aFloor, allocated, BARCODE, level, statusOf } from '../fixtures/fulfillment';
import { pdfText } from '../fixtures/decode';

type TestCore = ReturnType<typeof aCore>;

describe('fulfillment: waves and picking', () => {
  let core: TestCore;
  beforeEach(async () => {
    core = aCore();
    await aFloor(core);
  });
  afterEach(() => core.dispose());

  test('a wave takes allocated orders oldest first, gives slots and a pick list in bin walking order', async () => {
    const [a, b, c] = await allocated(core, [
      [
        ['SOCK', 1],
        ['MUG', 2],
      ],
      [['CAP', 1]],
      [
        ['MUG', 1],
        ['CAP', 2],
      ],
    ]);
    const wave = await value(
      core.call('waves.create', { warehouse: 'SH', maxOrders: 10 }, { actor: 'lead' }),
    );
    expect(
      wave.orders.map((o: { orderId: number; slot: number; tote: string }) => [o.orderId, o.slot, o.tote]),
    ).toEqual([
      [a, 1, `T${wave.id}-1`],
      [b, 2, `T${wave.id}-2`],
      [c, 3, `T${wave.id}-3`],
    ]);
    // B-01 (sequence 10) before A-01 (30); SOCK has no bin and comes last.
    expect(
      wave.pickList.map((p: { sku: string; bin: string | null; required: number }) => [
        p.sku,
        p.bin,
        p.required,
      ]),
    ).toEqual([
      ['CAP', 'B-01', 3],
      ['MUG', 'A-01', 3],
      ['SOCK', null, 1],
    ]);
    expect(wave.pickList[0].slots).toEqual([
      { slot: 2, orderId: b, quantity: 1 },
      { slot: 3, orderId: c, quantity: 2 },
    ]);
    expect(wave.progress).toEqual({ required: 7, picked: 0, done: false });
    for (const id of [a, b, c]) expect(await statusOf(core, id!)).toBe('picking');
    const o = await value(core.call('orders.get', { id: a }));
    expect(o.history.at(-1)).toMatchObject({
      from: 'allocated',
      to: 'picking',
      actor: 'lead',
      reason: `wave ${wave.id}, slot 1`,
    });
    expect(await value(core.call('waves.get', { id: wave.id }))).toEqual(wave);
    expect((await value(core.call('waves.list', {}))).rows).toEqual([
      expect.objectContaining({ id: wave.id, warehouse: 'SH', orders: 3, required: 7, picked: 0 }),
    ]);
  });

  test('filters: single-item only, max orders and an empty selection refused', async () => {
    const [multi, single1, single2] = await allocated(core, [[['MUG', 2]], [['CAP', 1]], [['SOCK', 1]]]);
    const w1 = await value(
      core.call('waves.create', { warehouse: 'SH', singleItemOnly: true, maxOrders: 1 }),
    );
    expect(w1.orders.map((o: { orderId: number }) => o.orderId)).toEqual([single1]);
    const w2 = await value(core.call('waves.create', { warehouse: 'SH', multiItemOnly: true, maxOrders: 5 }));
    expect(w2.orders.map((o: { orderId: number }) => o.orderId)).toEqual([multi]);
    const none = await core.call('waves.create', { warehouse: 'SH', carrier: 'SF', maxOrders: 5 });
    expect(none).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await statusOf(core, single2!)).toBe('allocated');
    const both = await core.call('waves.create', {
      warehouse: 'SH',
      singleItemOnly: true,
      multiItemOnly: true,
      maxOrders: 5,
    });
    expect(both).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  test('filters: the cut-off time takes only orders placed by then; the carrier filter takes only its parcels', async () => {
    const at = (iso: string) => ({ placedAt: Date.parse(iso) });
    const [early, late] = await allocated(
      core,
      [[['MUG', 1]], [['CAP', 1]]],
      [at('2026-11-25T07:00:00Z'), at('2026-11-25T09:30:00Z')],
    );
    const preview = await value(
      core.call('waves.preview', { warehouse: 'SH', cutoff: '2026-11-25T08:00:00Z', maxOrders: 10 }),
    );
    expect(preview).toMatchObject({ orders: 1, allocated: 1 });
    const w = await value(
      core.call('waves.create', {
        warehouse: 'SH',
        carrier: 'ZTO',
        cutoff: '2026-11-25T08:00:00Z',
        maxOrders: 10,
      }),
    );
    expect(w.orders.map((o: { orderId: number }) => o.orderId)).toEqual([early]);
    expect(await statusOf(core, late!)).toBe('allocated');
  });

  test('item scans count toward the SKU total and say which slots; over-pick refused; bin scans say what to take', async () => {
    const [a, , c] = await allocated(core, [[['MUG', 2]], [['CAP', 1]], [['MUG', 1]]]);
    const wave = await value(core.call('waves.create', { warehouse: 'SH', maxOrders: 10 }));
    const bin = await value(core.call('picking.scan', { waveId: wave.id, barcode: 'A-01' }));
    expect(bin).toMatchObject({
      kind: 'bin',
      message: 'Bin A-01: take 3 × MUG',
      items: [{ sku: 'MUG', remaining: 3 }],
    });
    const s1 = await value(core.call('picking.scan', { waveId: wave.id, barcode: BARCODE.MUG }));
    expect(s1).toMatchObject({
      kind: 'item',
      sku: 'MUG',
      picked: 1,
      required: 3,
      slots: [{ slot: 1, orderId: a, quantity: 1 }],
    });
    const s2 = await value(core.call('picking.scan', { waveId: wave.id, barcode: BARCODE.MUG, quantity: 2 }));
    expect(s2.slots).toEqual([
      { slot: 1, orderId: a, quantity: 1 },
      { slot: 3, orderId: c, quantity: 1 },
    ]);
    expect(s2.message).toBe('MUG: 3 of 3 picked; put 1 in slot 1, 1 in slot 3');
    const over = await core.call('picking.scan', { waveId: wave.id, barcode: BARCODE.MUG });
    expect(over).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((over as { error: { message: string } }).error.message).toMatch(
      /Over-pick: wave \d+ needs 3 × MUG and 3 are already picked/,
    );
    const stranger = await core.call('picking.scan', { waveId: wave.id, barcode: BARCODE.SOCK });
    expect(stranger).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('SOCK') },
    });
    const unknown = await core.call('picking.scan', { waveId: wave.id, barcode: 'NOPE-123' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const last = await value(core.call('picking.scan', { waveId: wave.id, barcode: BARCODE.CAP }));
    expect(last.waveDone).toBe(true);
    expect((await value(core.call('waves.get', { id: wave.id }))).progress).toEqual({
      required: 4,
      picked: 4,
      done: true,
    });
  });

  test('a short pick writes the empty shelf off pending a count and backorders the orders it cannot fill when no other warehouse has stock; stock arriving allocates them', async () => {
    const [a, b, c] = await allocated(core, [[['MUG', 1]], [['MUG', 2]], [['CAP', 1]]]);
    const wave = await value(core.call('waves.create', { warehouse: 'SH', maxOrders: 10 }));
    await value(core.call('picking.scan', { waveId: wave.id, barcode: BARCODE.MUG }));
    const bad = await core.call('picking.short', { waveId: wave.id, sku: 'MUG', found: 0 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(level(core, 'MUG')).toEqual({ onHand: 20, reserved: 3, available: 17 });
    const r = await value(
      core.call('picking.short', { waveId: wave.id, sku: 'MUG', found: 2 }, { actor: 'picker' }),
    );
    expect(r.released).toEqual([
      {
        orderId: b,
        slot: 2,
        outcome: 'backordered',
        warehouse: null,
        carrier: null,
        message: `Order ${b} leaves the wave (empty slot 2 back to the shelves): backordered until stock arrives`,
      },
    ]);
    // A-01 held 2: one is in slot 1, one is back on the shelf; the other 18 are written off.
    expect(r.shortage).toEqual({ warehouse: 'SH', sku: 'MUG', bin: 'A-01', writtenOff: 18, available: 1 });
    expect(level(core, 'MUG')).toEqual({ onHand: 2, reserved: 1, available: 1 });
    const ledger = await value(core.call('inventory.ledger', { sku: 'MUG', warehouse: 'SH' }));
    expect(ledger.rows).toContainEqual(
      expect.objectContaining({
        kind: 'adjustment',
        onHandDelta: -18,
        reference: `wave:${wave.id}`,
        reason: `short pick, pending count: bin A-01 held 2 of 3 × MUG (wave ${wave.id})`,
        actor: 'picker',
      }),
    );
    expect(await statusOf(core, a!)).toBe('picking');
    expect(await statusOf(core, b!)).toBe('backordered');
    expect(await statusOf(core, c!)).toBe('picking');
    const o = await value(core.call('orders.get', { id: b }));
    expect(o.history.slice(-3)).toMatchObject([
      {
        from: 'picking',
        to: 'allocated',
        actor: 'picker',
        reason: `short pick in wave ${wave.id}: 2 of 3 × MUG found`,
      },
      { from: 'allocated', to: 'approved', actor: 'picker' },
      { from: 'approved', to: 'backordered', actor: 'picker' },
    ]);
    const alerts = await value(core.call('inventory.alerts', { open: true }));
    expect(alerts.rows).toContainEqual(expect.objectContaining({ kind: 'backorder', sku: 'MUG' }));
    expect(r.wave.pickList.find((p: { sku: string }) => p.sku === 'MUG')).toMatchObject({
      required: 1,
      picked: 1,
    });
    expect(r.wave.orders.find((o: { orderId: number }) => o.orderId === b)).toMatchObject({ removed: true });
    // The next wave does not hit the same hole: the backordered order is not in it.
    await expect(core.call('waves.create', { warehouse: 'SH', maxOrders: 10 })).resolves.toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    // Stock received (the count found the shelf, or a delivery) allocates it again, here.
    await value(
      core.call('inventory.receive', {
        warehouse: 'SH',
        lines: [{ sku: 'MUG', quantity: 5, bin: 'A-01' }],
        reason: 'cycle count',
      }),
    );
    expect(await statusOf(core, b!)).toBe('allocated');
    const next = await value(core.call('waves.create', { warehouse: 'SH', maxOrders: 10 }));
    expect(next.orders.map((o: { orderId: number }) => o.orderId)).toEqual([b]);
  });

  test('a short pick of a SKU without a bin writes off only the units the wave missed, and the order is allocated here again', async () => {
    const [a, b, c] = await allocated(core, [[['SOCK', 1]], [['SOCK', 1]], [['SOCK', 1]]]);
    const wave = await value(core.call('waves.create', { warehouse: 'SH', maxOrders: 10 }));
    expect(level(core, 'SOCK')).toEqual({ onHand: 20, reserved: 3, available: 17 });
    const r = await value(
      core.call('picking.short', { waveId: wave.id, sku: 'SOCK', found: 2 }, { actor: 'picker' }),
    );
    // The socks may stand elsewhere in the warehouse: one missing unit comes off, not all 17 free.
    expect(r.shortage).toEqual({ warehouse: 'SH', sku: 'SOCK', bin: null, writtenOff: 1, available: 16 });
    expect(r.released).toMatchObject([{ orderId: c, outcome: 'reallocated', warehouse: 'SH' }]);
    expect(level(core, 'SOCK')).toEqual({ onHand: 19, reserved: 3, available: 16 });
    expect(await statusOf(core, a!)).toBe('picking');
    expect(await statusOf(core, b!)).toBe('picking');
    expect(await statusOf(core, c!)).toBe('allocated');
  });

  test('a short pick re-allocates the orders it cannot fill to another warehouse that has the stock, in one go', async () => {
    await value(
      core.call('inventory.receive', {
        warehouse: 'GZ',
        lines: [
          { sku: 'MUG', quantity: 10 },
          { sku: 'CAP', quantity: 10 },
        ],
        reason: 'stock',
      }),
    );
    const [a, b] = await allocated(core, [
      [['MUG', 2]],
      [
        ['MUG', 3],
        ['CAP', 1],
      ],
    ]);
    expect(level(core, 'MUG', 'GZ')).toMatchObject({ reserved: 0 });
    const wave = await value(core.call('waves.create', { warehouse: 'SH', maxOrders: 10 }));
    await value(core.call('picking.scan', { waveId: wave.id, barcode: BARCODE.CAP }));
    const r = await value(core.call('picking.short', { waveId: wave.id, sku: 'MUG', found: 4 }));
    expect(r.released).toEqual([
      expect.objectContaining({
        orderId: b,
        slot: 2,
        outcome: 'reallocated',
        warehouse: 'GZ',
        carrier: 'ZTO',
      }),
    ]);
    expect(r.released[0].message).toContain('re-allocated to GZ via ZTO');
    expect(r.shortage).toMatchObject({ writtenOff: 16, available: 2 });
    expect(await statusOf(core, a!)).toBe('picking');
    expect(await statusOf(core, b!)).toBe('allocated');
    // B's whole order moved: its MUG and its CAP are reserved in GZ now.
    expect(level(core, 'MUG', 'GZ')).toEqual({ onHand: 10, reserved: 3, available: 7 });
    expect(level(core, 'CAP', 'GZ')).toEqual({ onHand: 10, reserved: 1, available: 9 });
    expect(level(core, 'MUG')).toEqual({ onHand: 4, reserved: 2, available: 2 });
    // The CAP already put in B's slot went back to the shelf.
    expect(r.wave.pickList.find((p: { sku: string }) => p.sku === 'CAP')).toBeUndefined();
    expect(level(core, 'CAP')).toEqual({ onHand: 20, reserved: 0, available: 20 });
  });

  test("units already put in a leaving order's slot go back to the shelf and stop counting as picked", async () => {
    const [, b, c] = await allocated(core, [[['MUG', 1]], [['MUG', 2]], [['MUG', 1]]]);
    const wave = await value(core.call('waves.create', { warehouse: 'SH', maxOrders: 10 }));
    // Slot 1 gets one, slot 2 one of its two; then the shelf turns out to hold only 2 in all.
    await value(core.call('picking.scan', { waveId: wave.id, barcode: BARCODE.MUG, quantity: 2 }));
    const r = await value(core.call('picking.short', { waveId: wave.id, sku: 'MUG', found: 2 }));
    expect(r.released.map((x: { orderId: number }) => x.orderId)).toEqual([b]);
    expect(r.wave.pickList).toEqual([
      expect.objectContaining({
        sku: 'MUG',
        required: 2,
        picked: 1,
        slots: [expect.objectContaining({ slot: 1 }), expect.objectContaining({ slot: 3, orderId: c })],
      }),
    ]);
    const next = await value(core.call('picking.scan', { waveId: wave.id, barcode: BARCODE.MUG }));
    expect(next).toMatchObject({ slots: [{ slot: 3, orderId: c, quantity: 1 }], waveDone: true });
  });

  test('the pick list printed again after a short pick keeps the wave slots (1 and 3, not 1 and 2)', async () => {
    const [a, b, c] = await allocated(core, [[['MUG', 1]], [['MUG', 2]], [['CAP', 1]]]);
    const wave = await value(core.call('waves.create', { warehouse: 'SH', maxOrders: 10 }));
    await value(core.call('picking.short', { waveId: wave.id, sku: 'MUG', found: 1 }));
    const left = wave.orders.filter((o: { orderId: number }) => o.orderId !== b);
    const file = await value(
      core.call('documents.render', { kind: 'pick_list', orderIds: [c, a], language: 'en' }),
    );
    const text = pdfText(Buffer.from(file.base64, 'base64'));
    for (const o of left as { slot: number; externalId: string }[])
      expect(text).toMatch(new RegExp(`^\\s*${o.slot}\\s+\\S+ ${o.externalId}`, 'm'));
    expect(left.map((o: { slot: number }) => o.slot)).toEqual([1, 3]);
    // Orders that are not one wave (b left it) are numbered 1…n as given.
    const ext = (id: number) => wave.orders.find((o: { orderId: number }) => o.orderId === id).externalId;
    const loose = await value(
      core.call('documents.render', { kind: 'pick_list', orderIds: [c, b], language: 'en' }),
    );
    const looseText = pdfText(Buffer.from(loose.base64, 'base64'));
    expect(looseText).toMatch(new RegExp(`^\\s*1\\s+\\S+ ${ext(c!)}`, 'm'));
    expect(looseText).toMatch(new RegExp(`^\\s*2\\s+\\S+ ${ext(b!)}`, 'm'));
  });

  test('an order cancelled during picking drops out of the pick list', async () => {
    const [a, b] = await allocated(core, [[['MUG', 1]], [['MUG', 2]]]);
    const wave = await value(core.call('waves.create', { warehouse: 'SH', maxOrders: 10 }));
    await value(core.call('orders.transition', { ids: [b], to: 'cancelled', reason: 'buyer cancelled' }));
    const w = await value(core.call('waves.get', { id: wave.id }));
    expect(w.pickList).toEqual([
      expect.objectContaining({ sku: 'MUG', required: 1, slots: [{ slot: 1, orderId: a, quantity: 1 }] }),
    ]);
    expect(w.orders.find((o: { orderId: number }) => o.orderId === b)).toMatchObject({
      status: 'cancelled',
      lines: [],
    });
  });
});
