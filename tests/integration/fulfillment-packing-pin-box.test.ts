import { aCore, value } from '../fixtures/core';
import { aFloor, allocated, BARCODE, statusOf } from '../fixtures/fulfillment';

type TestCore = ReturnType<typeof aCore>;
const failure = (r: unknown) => (r as { error: { code: string; message: string; issues?: unknown[] } }).error;

/** The supervisor PIN on packing overrides, and the box catalogue's tare in the weight check. */
describe('fulfillment: supervisor PIN and box catalogue at the packing bench', () => {
  let core: TestCore;
  let orderId: number;
  // The core's clock runs with the wall clock (the print queue needs it) plus what a test skips.
  let skipped = 0;
  beforeEach(async () => {
    skipped = 0;
    core = aCore({ now: () => Date.now() + skipped });
    await aFloor(core);
    // MUG 400 g × 2 + CAP 100 g = 900 g of items.
    [orderId] = (await allocated(core, [
      [
        ['MUG', 2],
        ['CAP', 1],
      ],
    ])) as [number];
    await value(core.call('waves.create', { warehouse: 'SH', maxOrders: 5 }));
  });
  afterEach(() => core.dispose());

  const openWithOneMug = async () => {
    const { sessionId } = await value(core.call('packing.open', { code: String(orderId) }));
    await value(core.call('packing.scan', { sessionId, barcode: BARCODE.MUG }));
    return sessionId as number;
  };
  const override = (pin?: string) => ({
    supervisor: '王主管',
    reason: 'customer asked for one mug only',
    ...(pin === undefined ? {} : { pin }),
  });
  const row = (sql: string, ...args: unknown[]) => core.ctx.sqlite.prepare(sql).get(...args) as any;
  const overrideAudits = () =>
    row(
      `select count(*) as n from audit_log where entity = 'order' and entity_id = ? and action = 'pack_override'`,
      orderId,
    ).n as number;

  /** Nothing of a refused completion is left behind: still picking, session open, no audit, no print job. */
  const nothingWritten = async (sessionId: number) => {
    expect(await statusOf(core, orderId)).toBe('picking');
    expect(row('select status, override_json from pack_sessions where id = ?', sessionId)).toEqual({
      status: 'open',
      override_json: null,
    });
    expect(overrideAudits()).toBe(0);
    expect(row('select count(*) as n from print_jobs').n).toBe(0);
  };

  test('with a PIN set, an override needs it: missing and wrong PINs are refused and nothing is packed; the right one packs', async () => {
    expect(await value(core.call('settings.supervisorPin.status', {}))).toEqual({ set: false });
    expect(await value(core.call('settings.supervisorPin.set', { newPin: '2468' }))).toEqual({ set: true });
    expect(await value(core.call('settings.supervisorPin.status', {}))).toEqual({ set: true });
    // Only a salted hash is kept, under a key settings.get does not serve.
    const stored = row(`select value_json from settings where key = 'packing.supervisorPinHash'`);
    expect(stored.value_json).not.toContain('2468');
    expect(JSON.parse(stored.value_json)).toEqual({
      salt: expect.stringMatching(/^[0-9a-f]{32}$/),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(
      await core.call('settings.get', { keys: ['packing.supervisorPinHash'] as unknown as ['shop.name'] }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    const sessionId = await openWithOneMug();
    const noPin = await core.call('packing.complete', { sessionId, override: override() });
    expect(failure(noPin)).toEqual({
      code: 'forbidden',
      message: `Overriding order ${orderId} needs the supervisor PIN`,
    });
    await nothingWritten(sessionId);
    const wrong = await core.call('packing.complete', {
      sessionId,
      box: 'BOX-S2',
      override: override('1357'),
    });
    expect(failure(wrong)).toEqual({ code: 'forbidden', message: 'Wrong supervisor PIN (4 tries left)' });
    await nothingWritten(sessionId);

    const done = await value(
      core.call(
        'packing.complete',
        { sessionId, box: 'BOX-S2', override: override('2468') },
        { actor: 'packer' },
      ),
    );
    expect(done).toMatchObject({ orderId, status: 'packed' });
    const audit = row(
      `select reason, data_json from audit_log where entity_id = ? and action = 'pack_override'`,
      orderId,
    );
    expect(audit.reason).toContain('supervisor 王主管: customer asked for one mug only');
    expect(JSON.parse(audit.data_json)).toMatchObject({ supervisor: '王主管', pinChecked: true });
    const session = row('select box, override_json from pack_sessions where id = ?', sessionId);
    expect(session.box).toBe('BOX-S2');
    expect(JSON.parse(session.override_json)).toMatchObject({ supervisor: '王主管', pinChecked: true });
    // The PIN itself is written nowhere.
    expect(session.override_json).not.toContain('2468');
    expect(audit.data_json).not.toContain('2468');
  });

  test('wrong PINs are rate-limited: after 5 the right one is refused too until 30 s have passed', async () => {
    await value(core.call('settings.supervisorPin.set', { newPin: '2468' }));
    const sessionId = await openWithOneMug();
    const tryPin = (pin: string) => core.call('packing.complete', { sessionId, override: override(pin) });
    for (const left of [4, 3, 2, 1])
      expect(failure(await tryPin('0000')).message).toBe(
        `Wrong supervisor PIN (${left} ${left === 1 ? 'try' : 'tries'} left)`,
      );
    expect(failure(await tryPin('0000')).message).toBe(
      'Wrong supervisor PIN; 5 wrong tries: PIN entry paused for 30 s',
    );
    expect(failure(await tryPin('2468'))).toEqual({
      code: 'forbidden',
      message: expect.stringMatching(/^Too many wrong supervisor PINs: try again in (29|30) s$/),
    });
    // Changing the PIN is behind the same pause.
    expect(
      failure(await core.call('settings.supervisorPin.set', { oldPin: '2468', newPin: '1111' })).message,
    ).toMatch(/^Too many wrong supervisor PINs/);
    await nothingWritten(sessionId);
    skipped = 30_001;
    expect(await value(tryPin('2468'))).toMatchObject({ orderId, status: 'packed' });
  });

  test('changing or removing the PIN needs the old one; without a PIN an override works by name and reason', async () => {
    await value(core.call('settings.supervisorPin.set', { newPin: '2468' }));
    expect(failure(await core.call('settings.supervisorPin.set', { newPin: '1111' }))).toEqual({
      code: 'forbidden',
      message: 'Changing the supervisor PIN needs the supervisor PIN',
    });
    expect(
      failure(await core.call('settings.supervisorPin.set', { oldPin: '9999', newPin: '1111' })).code,
    ).toBe('forbidden');
    expect(
      failure(await core.call('settings.supervisorPin.set', { oldPin: '2468', newPin: '12ab' })),
    ).toMatchObject({ code: 'invalid_input' });
    await value(core.call('settings.supervisorPin.set', { oldPin: '2468', newPin: '1111' }));
    const sessionId = await openWithOneMug();
    expect(
      failure(await core.call('packing.complete', { sessionId, override: override('2468') })).message,
    ).toBe('Wrong supervisor PIN (4 tries left)');
    await value(core.call('settings.supervisorPin.set', { oldPin: '1111', newPin: null }));
    expect(await value(core.call('settings.supervisorPin.status', {}))).toEqual({ set: false });
    const done = await value(core.call('packing.complete', { sessionId, override: override() }));
    expect(done).toMatchObject({ orderId, status: 'packed' });
    expect(
      JSON.parse(row('select override_json from pack_sessions where id = ?', sessionId).override_json),
    ).toMatchObject({ pinChecked: false });
    const pinAudits = core.ctx.sqlite
      .prepare(`select action from audit_log where entity = 'settings' order by id`)
      .all()
      .map((r) => (r as { action: string }).action);
    expect(pinAudits).toEqual(['supervisor_pin_set', 'supervisor_pin_changed', 'supervisor_pin_removed']);
  });

  test("the chosen box's tare counts in the expected weight; the session records the box code; unknown boxes are refused", async () => {
    const boxes = await value(core.call('boxes.list', {}));
    expect(boxes.rows.find((b: { code: string }) => b.code === 'BOX-M1')).toEqual({
      code: 'BOX-M1',
      name: 'Carton M1',
      lengthMm: 300,
      widthMm: 200,
      heightMm: 150,
      tareGrams: 150,
    });
    const { sessionId } = await value(core.call('packing.open', { code: String(orderId) }));
    for (const b of [BARCODE.MUG, BARCODE.MUG, BARCODE.CAP])
      await value(core.call('packing.scan', { sessionId, barcode: b }));
    // 900 g of items alone would pass; in box BOX-M1 the parcel should weigh 1050 g ± 105 g.
    const light = await core.call('packing.complete', { sessionId, weightGrams: 900, box: 'BOX-M1' });
    expect(failure(light).message).toContain(
      'the parcel weighs 900 g but the items in box BOX-M1 should weigh 1050 g (900 g + 150 g box, ±105 g)',
    );
    expect(
      failure(await core.call('packing.complete', { sessionId, weightGrams: 1040, box: 'BOX-Z9' })),
    ).toMatchObject({
      code: 'invalid_input',
      message:
        'Box "BOX-Z9" is not in the box catalogue (BAG-M, BOX-XS, BOX-S1, BOX-S2, BOX-M1, BOX-M2, BOX-L1, BOX-L2)',
    });
    // The shop's own catalogue replaces the defaults; codes match in any case.
    expect(
      failure(
        await core.call('boxes.save', {
          rows: [
            { code: 'KX-1', name: 'a', lengthMm: 1, widthMm: 1, heightMm: 1, tareGrams: 1 },
            { code: 'kx-1', name: 'b', lengthMm: 1, widthMm: 1, heightMm: 1, tareGrams: 1 },
          ],
        }),
      ),
    ).toMatchObject({
      code: 'invalid_input',
      issues: [{ path: 'rows.1.code', message: 'kx-1 is used twice' }],
    });
    expect(
      failure(
        await core.call('boxes.save', {
          rows: [{ code: 'M1', name: 'short', lengthMm: 1, widthMm: 1, heightMm: 1, tareGrams: 1 }],
        }),
      ).issues,
    ).toEqual([
      {
        path: 'rows.0.code',
        message: 'must be at least 4 characters (a scanner sends shorter codes as typing)',
      },
    ]);
    await value(
      core.call('boxes.save', {
        rows: [
          { code: 'KX-1', name: '纸箱 KX-1', lengthMm: 310, widthMm: 210, heightMm: 160, tareGrams: 300 },
        ],
      }),
    );
    expect(
      failure(await core.call('packing.complete', { sessionId, weightGrams: 1040, box: 'BOX-M1' })).code,
    ).toBe('invalid_input');
    expect(
      failure(await core.call('packing.complete', { sessionId, weightGrams: 1040, box: 'kx-1' })).message,
    ).toContain('should weigh 1200 g (900 g + 300 g box, ±120 g)');
    expect(await statusOf(core, orderId)).toBe('picking');
    const done = await value(core.call('packing.complete', { sessionId, weightGrams: 1180, box: 'kx-1' }));
    expect(done).toMatchObject({ orderId, status: 'packed' });
    expect(row('select box, weight_grams from pack_sessions where id = ?', sessionId)).toEqual({
      box: 'KX-1',
      weight_grams: 1180,
    });
  });
});
