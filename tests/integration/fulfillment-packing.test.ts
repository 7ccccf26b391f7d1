import { aCore, value } from '../fixtures/core';
import { aFloor, allocated, BARCODE, statusOf } from '../fixtures/fulfillment';
import { fakePrinter, until } from '../fixtures/tcp-printer';

type TestCore = ReturnType<typeof aCore>;
const message = (r: unknown) => (r as { error: { message: string } }).error.message;

describe('fulfillment: packing with verification', () => {
  let core: TestCore;
  let orderId: number;
  let waveId: number;
  beforeEach(async () => {
    core = aCore();
    await aFloor(core);
    // MUG 400 g × 2 + CAP 100 g = 900 g expected.
    [orderId] = (await allocated(core, [
      [
        ['MUG', 2],
        ['CAP', 1],
      ],
    ])) as [number];
    waveId = (await value(core.call('waves.create', { warehouse: 'SH', maxOrders: 5 }))).id;
  });
  afterEach(() => core.dispose());

  test('opens by tote, order id or channel number; flags wrong and extra items by name', async () => {
    const byTote = await value(core.call('packing.open', { code: `T${waveId}-1` }, { actor: 'packer' }));
    expect(byTote).toMatchObject({ orderId, status: 'open', expectedWeightGrams: 900, refused: [] });
    expect(byTote.lines).toEqual([
      { sku: 'CAP', title: '帽子', expected: 1, scanned: 0, barcodes: [BARCODE.CAP, 'CAP'] },
      { sku: 'MUG', title: '马克杯', expected: 2, scanned: 0, barcodes: [BARCODE.MUG, 'MUG'] },
    ]);
    // The same order again gives the same open session, whichever code is scanned.
    expect((await value(core.call('packing.open', { code: String(orderId) }))).sessionId).toBe(
      byTote.sessionId,
    );
    expect((await value(core.call('packing.open', { code: byTote.externalId }))).sessionId).toBe(
      byTote.sessionId,
    );
    // The order barcode printed on the pick list (and label, packing slip) opens it too.
    const printed = `PD${String(orderId).padStart(8, '0')}`;
    expect((await value(core.call('packing.open', { code: printed }))).sessionId).toBe(byTote.sessionId);
    expect(await core.call('packing.open', { code: 'PD99999999' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const sessionId = byTote.sessionId;
    const ok = await value(core.call('packing.scan', { sessionId, barcode: BARCODE.MUG }));
    expect(ok).toMatchObject({ result: 'ok', sku: 'MUG', message: 'MUG: 1 of 2' });
    const wrong = await value(core.call('packing.scan', { sessionId, barcode: BARCODE.SOCK }));
    expect(wrong).toMatchObject({ result: 'wrong_item', sku: 'SOCK' });
    expect(wrong.message).toContain('SOCK (袜子) is not in order');
    const unknown = await value(core.call('packing.scan', { sessionId, barcode: 'XX-0001' }));
    expect(unknown).toMatchObject({ result: 'wrong_item', sku: null });
    await value(core.call('packing.scan', { sessionId, barcode: BARCODE.CAP }));
    const extra = await value(core.call('packing.scan', { sessionId, barcode: BARCODE.CAP }));
    expect(extra).toMatchObject({ result: 'extra_item', sku: 'CAP' });
    expect(extra.message).toContain('needs only 1 × CAP (帽子)');
    expect(extra.session.lines).toMatchObject([
      { sku: 'CAP', title: '帽子', expected: 1, scanned: 1 },
      { sku: 'MUG', title: '马克杯', expected: 2, scanned: 1 },
    ]);
    await value(core.call('packing.scan', { sessionId, barcode: BARCODE.MUG }));
    // Everything is in, but the wrong and extra scans still need a supervisor.
    const blocked = await core.call('packing.complete', { sessionId });
    expect(message(blocked)).toContain(
      '3 wrong or extra scans (wrong item SOCK, wrong item XX-0001, extra item CAP)',
    );
    expect(message(blocked)).not.toMatch(/missing \d/);
    // Reopened (by tote, as the bench does), the parcel still carries its wrong and extra scans.
    const reopened = await value(core.call('packing.open', { code: `T${waveId}-1` }));
    expect(reopened.sessionId).toBe(sessionId);
    expect(reopened.refused).toEqual([
      { barcode: BARCODE.SOCK, sku: 'SOCK', result: 'wrong_item' },
      { barcode: 'XX-0001', sku: null, result: 'wrong_item' },
      { barcode: BARCODE.CAP, sku: 'CAP', result: 'extra_item' },
    ]);
    const notPicking = await core.call('packing.open', { code: 'T999-1' });
    expect(notPicking).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  test('missing items block completion, listed; a supervisor override goes through and is audited', async () => {
    const { sessionId } = await value(core.call('packing.open', { code: String(orderId) }));
    await value(core.call('packing.scan', { sessionId, barcode: BARCODE.MUG }));
    const refused = await core.call('packing.complete', { sessionId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(message(refused)).toContain('missing 1 × CAP (帽子), 1 × MUG (马克杯)');
    expect(await statusOf(core, orderId)).toBe('picking');
    const done = await value(
      core.call(
        'packing.complete',
        {
          sessionId,
          box: 'BOX-S2',
          override: { supervisor: '王主管', reason: 'customer asked for one mug only' },
        },
        { actor: 'packer' },
      ),
    );
    expect(done).toMatchObject({ orderId, status: 'packed' });
    const o = await value(core.call('orders.get', { id: orderId }));
    expect(o.status).toBe('packed');
    expect(o.history.at(-2)).toMatchObject({
      action: 'pack_override',
      actor: 'packer',
      reason: expect.stringContaining('supervisor 王主管: customer asked for one mug only (missing 1 × CAP'),
    });
    expect(o.history.at(-1)).toMatchObject({
      from: 'picking',
      to: 'packed',
      reason: expect.stringContaining('supervisor override'),
    });
    const again = await core.call('packing.complete', { sessionId });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  test('weight outside tolerance is refused naming both weights; inside it packs and queues label and packing slip', async () => {
    await value(
      core.call('printing.printers.save', {
        name: 'Zebra',
        kind: 'raw_tcp',
        language: 'zpl',
        host: '127.0.0.1',
        port: 9100,
        defaultFor: 'label',
      }),
    );
    await value(
      core.call('printing.printers.save', {
        name: 'Laser',
        kind: 'system',
        language: 'pdf',
        deviceName: 'HP',
        defaultFor: 'document',
      }),
    );
    const { sessionId } = await value(core.call('packing.open', { code: String(orderId) }));
    for (const b of [BARCODE.MUG, BARCODE.MUG, BARCODE.CAP])
      expect((await value(core.call('packing.scan', { sessionId, barcode: b }))).result).toBe('ok');
    // 900 g expected: ±90 g (10 % beats 50 g).
    const heavy = await core.call('packing.complete', { sessionId, weightGrams: 1000 });
    expect(heavy).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(message(heavy)).toContain('the parcel weighs 1000 g but the items should weigh 900 g (±90 g)');
    expect(await statusOf(core, orderId)).toBe('picking');
    // The shop tightens the check to 5 % (45 g) but at least 60 g: 985 g is now too heavy.
    await value(core.call('settings.set', { key: 'packing.weightTolerancePct', value: '5' }));
    await value(core.call('settings.set', { key: 'packing.weightToleranceGrams', value: '60' }));
    expect(message(await core.call('packing.complete', { sessionId, weightGrams: 985 }))).toContain(
      'weighs 985 g but the items should weigh 900 g (±60 g)',
    );
    await value(core.call('settings.set', { key: 'packing.weightTolerancePct', value: null }));
    await value(core.call('settings.set', { key: 'packing.weightToleranceGrams', value: null }));
    const done = await value(core.call('packing.complete', { sessionId, weightGrams: 985, box: 'BOX-M1' }));
    expect(done.warnings).toEqual([]);
    expect(done.printJobs.map((j: { document: string }) => j.document)).toEqual(['label', 'packing_slip']);
    const jobs = await value(core.call('printing.jobs.list', { orderId }));
    expect(jobs.rows.map((j: { document: string; status: string }) => [j.document, j.status]).sort()).toEqual(
      [
        ['label', 'queued'],
        ['packing_slip', 'queued'],
      ],
    );
    expect(await statusOf(core, orderId)).toBe('packed');
  });

  test('with the print queue running, the label of a packed parcel reaches the printer at once', async () => {
    const zebra = await fakePrinter();
    try {
      await value(
        core.call('printing.printers.save', {
          name: 'Zebra',
          kind: 'raw_tcp',
          language: 'zpl',
          host: '127.0.0.1',
          port: zebra.port,
          defaultFor: 'label',
        }),
      );
      core.printQueue.start();
      await new Promise((r) => setImmediate(r));
      await core.printQueue.drain(); // idle: nothing due, no timer set
      const { sessionId } = await value(core.call('packing.open', { code: String(orderId) }));
      for (const b of [BARCODE.MUG, BARCODE.MUG, BARCODE.CAP])
        await value(core.call('packing.scan', { sessionId, barcode: b }));
      const done = await value(core.call('packing.complete', { sessionId }));
      const label = done.printJobs.find((j: { document: string }) => j.document === 'label').jobId;
      await until(() => core.printQueue.job(label)?.status === 'done');
      expect(zebra.jobs).toHaveLength(1);
      expect(zebra.jobs[0]!.toString('utf8')).toMatch(/^\^XA/);
    } finally {
      core.printQueue.stop();
      await zebra.close();
    }
  });

  test('without printers the parcel still packs and says what was not queued; bad input changes nothing', async () => {
    const bad = await core.call('packing.complete', { sessionId: 999 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await core.call('packing.scan', {})) as unknown).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    const { sessionId } = await value(core.call('packing.open', { code: `T${waveId}-1` }));
    for (const b of [BARCODE.MUG, BARCODE.MUG, BARCODE.CAP])
      await value(core.call('packing.scan', { sessionId, barcode: b }));
    const done = await value(core.call('packing.complete', { sessionId }));
    expect(done.printJobs).toEqual([]);
    expect(done.warnings).toEqual([
      expect.stringMatching(/^label not queued: No default label printer/),
      expect.stringMatching(/^packing slip not queued: No default document printer/),
    ]);
    const reopen = await core.call('packing.open', { code: String(orderId) });
    expect(reopen).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('is packed') },
    });
  });
});
