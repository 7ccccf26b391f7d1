import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { aCore, value } from '../fixtures/core';
import { aFloor, allocated, BARCODE, level, statusOf } from '../fixtures/fulfillment';

type TestCore = ReturnType<typeof aCore>;
const CLI = 'dist/main/cli.cjs';

/** Orders (MUG × n each) taken through a wave and the packing bench. */
async function packed(core: TestCore, mugs: number[]): Promise<number[]> {
  const ids = await allocated(
    core,
    mugs.map((n) => [['MUG', n]]),
  );
  await value(core.call('waves.create', { warehouse: 'SH', maxOrders: 50 }));
  for (const id of ids) {
    const { sessionId, lines } = await value(core.call('packing.open', { code: String(id) }));
    for (let i = 0; i < lines[0].expected; i++)
      await value(core.call('packing.scan', { sessionId, barcode: BARCODE.MUG }));
    await value(core.call('packing.complete', { sessionId }));
  }
  return ids;
}

const jobs = (core: TestCore) =>
  core.ctx.sqlite
    .prepare('select kind, idempotency_key as key, payload_json as payload, status from jobs order by id')
    .all() as {
    kind: string;
    key: string;
    payload: string;
    status: string;
  }[];
const ledgerCount = (core: TestCore) =>
  (core.ctx.sqlite.prepare('select count(*) as n from stock_ledger').get() as { n: number }).n;

describe('fulfillment: shipping', () => {
  let core: TestCore;
  beforeEach(async () => {
    core = aCore();
    await aFloor(core);
  });
  afterEach(() => core.dispose());

  test('refuses tracking numbers that do not fit the carrier, changing nothing', async () => {
    const [id] = await packed(core, [2]);
    const before = { ledger: ledgerCount(core), mug: level(core, 'MUG') };
    const cases: [string, string, RegExp][] = [
      ['SF', 'SF12345', /not a SF tracking number \(expected SF followed by 12–15 digits\)/],
      ['SF', '1234567890123', /not a SF tracking number/],
      ['ZTO', '123456789012', /not a ZTO tracking number/],
      ['YTO', 'YT123', /not a YTO tracking number/],
      ['UPS', '1Z12', /not a UPS tracking number/],
      ['LOCAL', 'AB-12', /must be letters and digits only/],
    ];
    for (const [carrier, trackingNumber, re] of cases) {
      const r = await core.call('shipping.confirm', { orderIds: [id], carrier, trackingNumber });
      expect(r).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message: expect.stringMatching(re) },
      });
    }
    expect(
      await core.call('shipping.confirm', { carrier: 'SF', trackingNumber: 'SF1234567890123' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await statusOf(core, id!)).toBe('packed');
    expect({ ledger: ledgerCount(core), mug: level(core, 'MUG') }).toEqual(before);
    expect(jobs(core)).toEqual([]);
  });

  test('ships: tracking recorded, reservation becomes a shipment in the ledger, one outbox job, audited; twice changes nothing', async () => {
    const [id] = await packed(core, [2]);
    expect(level(core, 'MUG')).toEqual({ onHand: 20, reserved: 2, available: 18 });
    const r = await value(
      core.call(
        'shipping.confirm',
        { orderIds: [id], carrier: 'SF', trackingNumber: 'sf 1234567890123' },
        { actor: 'desk' },
      ),
    );
    expect(r).toEqual({ shipped: [id], unchanged: [], jobsQueued: 1 });
    expect(level(core, 'MUG')).toEqual({ onHand: 18, reserved: 0, available: 18 });
    const o = await value(core.call('orders.get', { id }));
    expect(o).toMatchObject({ status: 'shipped', carrier: 'SF', trackingNumber: 'SF1234567890123' });
    expect(o.history.at(-1)).toMatchObject({
      from: 'packed',
      to: 'shipped',
      actor: 'desk',
      reason: 'SF SF1234567890123',
    });
    const ship = core.ctx.sqlite
      .prepare(
        "select kind, on_hand_delta as onHand, reserved_delta as reserved, reference from stock_ledger where kind = 'ship'",
      )
      .all();
    expect(ship).toEqual([{ kind: 'ship', onHand: -2, reserved: -2, reference: `order:${id}` }]);
    expect(jobs(core)).toEqual([
      {
        kind: 'channel.pushTracking',
        key: `push-tracking:${id}:SF1234567890123`,
        payload: expect.stringContaining('"trackingNumber":"SF1234567890123"'),
        status: 'queued',
      },
    ]);
    const ledger = ledgerCount(core);
    const again = await value(
      core.call('shipping.confirm', { orderIds: [id], carrier: 'SF', trackingNumber: 'SF1234567890123' }),
    );
    expect(again).toEqual({ shipped: [], unchanged: [id], jobsQueued: 0 });
    expect(ledgerCount(core)).toBe(ledger);
    expect(jobs(core)).toHaveLength(1);
    const other = await core.call('shipping.confirm', {
      orderIds: [id],
      carrier: 'SF',
      trackingNumber: 'SF9999999999999',
    });
    expect(other).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: expect.stringContaining('already shipped with SF SF1234567890123'),
      },
    });
  });

  test('bulk confirmation is all or nothing and names the order that failed; a tote scan ships one', async () => {
    const [a, b] = await packed(core, [1, 1]);
    const [c] = await allocated(core, [[['CAP', 1]]]);
    const before = ledgerCount(core);
    const r = await core.call('shipping.confirm', {
      orderIds: [a, c, b],
      carrier: 'ZTO',
      trackingNumber: '73123456789012',
    });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: `Nothing was shipped: order ${c} is allocated; only packed orders can be shipped`,
      },
    });
    expect(await statusOf(core, a!)).toBe('packed');
    expect(ledgerCount(core)).toBe(before);
    expect(jobs(core)).toEqual([]);
    const bulk = await value(
      core.call('shipping.confirm', { orderIds: [a, b], carrier: 'ZTO', trackingNumber: '73123456789012' }),
    );
    expect(bulk).toEqual({ shipped: [a, b], unchanged: [], jobsQueued: 2 });
    expect(level(core, 'MUG')).toEqual({ onHand: 18, reserved: 0, available: 18 });
    const [d] = await packed(core, [1]);
    // The newest wave also holds order c (older, still picking), so d is found by its own tote.
    const waveId = (await value(core.call('waves.list', {}))).rows[0].id;
    const { orders } = await value(core.call('waves.get', { id: waveId }));
    const tote = orders.find((o: { orderId: number }) => o.orderId === d).tote;
    const scan = await value(
      core.call('shipping.confirm', { scan: tote, carrier: 'UNKNOWNCO', trackingNumber: 'ABC123' }),
    );
    expect(scan).toEqual({ shipped: [d], unchanged: [], jobsQueued: 1 });
  });

  test("a carrier's file ships every row or none, naming each refused row", async () => {
    const [a, b] = await packed(core, [1, 1]);
    const ext = async (id: number) => (await value(core.call('orders.get', { id }))).externalId as string;
    const [refA, refB] = [await ext(a!), await ext(b!)];
    const before = ledgerCount(core);
    const bad = await core.call('shipping.confirmRows', {
      rows: [
        { reference: refA, carrier: 'SF', trackingNumber: 'SF1234567890123' },
        { reference: refB, carrier: 'SF', trackingNumber: 'SF12' },
        { reference: 'NO-SUCH-ORDER', carrier: 'ZTO', trackingNumber: '73123456789012' },
      ],
    });
    expect(bad).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: expect.stringMatching(/^Nothing was shipped: 2 of 3 rows cannot be confirmed \(row 2: /),
        issues: [
          { path: 'rows.1', message: expect.stringContaining('not a SF tracking number') },
          { path: 'rows.2', message: expect.stringContaining('NO-SUCH-ORDER') },
        ],
      },
    });
    expect(await statusOf(core, a!)).toBe('packed');
    expect(ledgerCount(core)).toBe(before);
    expect(jobs(core)).toEqual([]);
    const rows = [
      { reference: refA, carrier: 'SF', trackingNumber: 'SF1234567890123' },
      { reference: String(b), carrier: 'ZTO', trackingNumber: '73123456789012' },
    ];
    expect(await value(core.call('shipping.confirmRows', { rows }))).toEqual({
      shipped: [a, b],
      unchanged: [],
      jobsQueued: 2,
    });
    expect(await value(core.call('shipping.confirmRows', { rows }))).toEqual({
      shipped: [],
      unchanged: [a, b],
      jobsQueued: 0,
    });
    expect(jobs(core)).toHaveLength(2);
  });

  test('a parcel packed short under a supervisor override ships what was scanned and releases the rest', async () => {
    const [id] = await allocated(core, [[['MUG', 3]]]);
    await value(core.call('waves.create', { warehouse: 'SH', maxOrders: 5 }));
    const { sessionId } = await value(core.call('packing.open', { code: String(id) }));
    await value(core.call('packing.scan', { sessionId, barcode: BARCODE.MUG }));
    await value(
      core.call('packing.complete', { sessionId, override: { supervisor: 'Li', reason: 'two mugs broken' } }),
    );
    await value(
      core.call('shipping.confirm', { orderIds: [id], carrier: 'JD', trackingNumber: 'JDAB12345678901' }),
    );
    expect(level(core, 'MUG')).toEqual({ onHand: 19, reserved: 0, available: 19 });
  });

  test('packdesk ship ORDER_ID --carrier C --tracking T --json', async () => {
    if (!existsSync(CLI) || !readFileSync(CLI, 'utf8').includes('shipping.confirm'))
      spawnSync(process.execPath, ['build/build-main.mjs'], { stdio: 'inherit' });
    const [id] = await packed(core, [1]);
    core.close();
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['bin/packdesk.cjs', '--db', core.dbPath, ...args], {
        encoding: 'utf8',
        env: { ...process.env, PACKDESK_QUIET: '1' },
      });
    const bad = run('ship', String(id), '--carrier', 'SF', '--tracking', 'SF1', '--json');
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stderr)).toMatchObject({ error: { code: 'invalid_input' } });
    const usage = run('ship', String(id), '--carrier', 'SF');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('ship needs --tracking T');
    const ok = run('ship', String(id), '--carrier', 'SF', '--tracking', 'SF1234567890123', '--json');
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ shipped: [id], unchanged: [], jobsQueued: 1 });
    const again = run('ship', String(id), '--carrier', 'SF', '--tracking', 'SF1234567890123');
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('nothing changed');
  });
});
