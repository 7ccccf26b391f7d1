import { aCore, value } from '../fixtures/core';
import { aSecretStore } from '../fixtures/fake-secret-store';
import { fakeTopGateway, printDataFor } from '../fixtures/fake-top-gateway';
import { aFloor, allocated } from '../fixtures/fulfillment';
import { fakePrintComponent } from '../fixtures/print-component';
import { freePort, until } from '../fixtures/tcp-printer';
import {
  addComponents,
  addWaybillAccount,
  CAINIAO_TEMPLATE,
  packAll,
  waybillOf,
  worldPerTest,
  WAYBILL_SENDER as sender,
} from '../fixtures/waybill-floor';

const masked = { recipientName: '张**', phone: '138****5678', addressMasked: true, detail: '世纪大道**号' };

/**
 * The floor (SH via ZTO), a ZTO e-waybill account on a local TOP gateway with credentials in a
 * test keychain, and a Cainiao print component on 127.0.0.1.
 */
async function aWaybillFloor(gatewayUrl?: string) {
  const top = await fakeTopGateway();
  const component = await fakePrintComponent();
  const secrets = aSecretStore();
  const core = aCore({
    sync: { secrets, io: { timeoutMs: 2_000 } }, // generous: a loaded CI machine must never time out a normal answer
    waybills: {
      policy: { baseMs: 20, capMs: 40, offlineBaseMs: 60_000, offlineCapMs: 60_000 },
      random: () => 0.5,
    },
  });
  await aFloor(core);
  const account = await addWaybillAccount(core, {
    cpCode: 'zto',
    templateUrl: CAINIAO_TEMPLATE,
    gatewayUrl: gatewayUrl ?? top.url,
    credentials: { appKey: top.appKey, appSecret: top.secret, sessionKey: top.session },
  });
  await addComponents(core, [['菜鸟组件', 'cainiao_ws', component.port]]);
  return { core, top, component, secrets, account };
}

const wb = waybillOf;

describe('platform e-waybills from allocation to the ship desk', () => {
  const world = worldPerTest(aWaybillFloor);

  it('allocated platform order → prefetch → pack complete prints the platform waybill → ship by scanning it', async () => {
    const { core, top, component } = await world();
    const [id] = await allocated(core, [[['MUG', 1]]], [masked]);
    await core.waybills.drain();
    const before = await wb(core, id!);
    expect(before).toMatchObject({
      platformLabel: true,
      carrier: 'ZTO',
      current: { state: 'active', cpCode: 'ZTO' },
    });
    const code = before.current.waybillCode as string;
    expect(code).toMatch(/^73\d{12}$/);
    expect(top.refusals).toEqual([]);
    expect(top.applies[0].trade_order_info_dtos[0]).toMatchObject({
      object_id: `PD${id}_1`,
      order_info: { order_channels_type: 'TB', trade_order_list: [expect.any(String)] },
      package_info: { id: `PD${id}_1`, items: [{ name: 'MUG', count: 1 }], weight: 400 },
      recipient: { name: '张**', mobile: '138****5678' },
    });

    core.printQueue.start();
    const [done] = await packAll(core, [id!]);
    // The platform's label instead of Packdesk's; the slip waits for a document printer (none is set up).
    expect(done.printJobs.map((j: { document: string }) => j.document)).toEqual(['waybill']);
    expect(done.warnings).toEqual([expect.stringMatching(/^packing slip not queued/)]);
    const jobs = await value(core.call('printing.jobs.list', { orderId: id }));
    expect(jobs.rows.some((j: { document: string }) => j.document === 'label')).toBe(false);
    const waybillJob = done.printJobs.find((j: { document: string }) => j.document === 'waybill')!;
    await until(() => core.printQueue.job(waybillJob.jobId)!.status === 'done', 5_000);
    const print = component.requests.find((r) => r.cmd === 'print');
    expect(print.task.printer).toBe('ZD888');
    expect(print.task.documents).toHaveLength(1);
    expect(print.task.documents[0].documentID).toBe(code);
    expect(print.task.documents[0].contents[0]).toEqual(JSON.parse(printDataFor(code)));
    expect((await value(core.call('orders.get', { id }))).trackingNumber).toBe(code);

    // The ship desk scans the label: the number names the order and is its tracking number.
    expect(await value(core.call('waybill.byCode', { code }))).toEqual({
      orderId: id,
      carrier: 'ZTO',
      status: 'packed',
    });
    const shipped = await value(
      core.call('shipping.confirm', { scan: code, carrier: 'ZTO', trackingNumber: code }),
    );
    expect(shipped.shipped).toEqual([id]);
    // Shipped orders keep their number: nothing is cancelled afterwards.
    await core.waybills.drain();
    expect(top.cancelled).toEqual([]);
    expect((await wb(core, id!)).current.state).toBe('active');
  });

  it('a started worker fetches by itself once routing allocates an order', async () => {
    const { core } = await world();
    core.waybills.start();
    const [id] = await allocated(core, [[['MUG', 1]]], [masked]);
    await until(
      () =>
        core.ctx.sqlite.prepare("select 1 from waybills where order_id = ? and state = 'active'").get(id) !==
        undefined,
      5_000,
    );
    core.waybills.stop();
  });

  it('batches of at most 10 per request, one number per order', async () => {
    const { core, top } = await world();
    const ids = await allocated(
      core,
      Array.from({ length: 12 }, () => [['CAP', 1]] as [string, number][]),
      Array.from({ length: 12 }, () => masked),
    );
    await core.waybills.drain();
    expect(top.applies.map((a) => a.trade_order_info_dtos.length)).toEqual([10, 2]);
    const codes = await Promise.all(ids.map(async (i) => (await wb(core, i)).current.waybillCode));
    expect(new Set(codes).size).toBe(12);
  });

  it('offline: the worker pauses without spending attempts, the bench still packs, and the waybill prints itself once the number arrives', async () => {
    const dead = `http://127.0.0.1:${await freePort()}/router/rest`;
    const { core, top, component, account } = await world(dead);
    const [id] = await allocated(core, [[['MUG', 1]]], [masked]);
    await core.waybills.drain();
    const waiting = await wb(core, id!);
    expect(waiting.current).toMatchObject({ state: 'pending', attempts: 0, waybillCode: null });
    expect(waiting.current.lastError).toMatch(/cannot reach/);
    expect(core.waybills.offline()).not.toBeNull();

    core.printQueue.start();
    const [done] = await packAll(core, [id!]);
    expect(done.printJobs).toEqual([]);
    expect(done.warnings.join(' ')).toMatch(
      /e-waybill for ZTO has no number yet.*prints by itself.*no Packdesk label/,
    );
    expect((await wb(core, id!)).current.printWhenReady).toBe(true);

    // Back online (the account now points at a live gateway): "Fetch now" gets the number and prints it.
    await value(core.call('waybill.accounts.save', { ...strip(account), gatewayUrl: top.url }));
    const fetched = await value(core.call('waybill.fetch', { orderIds: [id] }));
    const code = fetched.rows[0].current.waybillCode;
    expect(fetched.rows[0].current).toMatchObject({ state: 'active', printWhenReady: false });
    expect(fetched.rows[0].printJob).toMatchObject({ document: 'waybill', orderId: id });
    await until(() => component.requests.some((r) => r.cmd === 'print'), 5_000);
    expect(component.requests.find((r) => r.cmd === 'print').task.documents[0].documentID).toBe(code);
    expect((await value(core.call('orders.get', { id }))).trackingNumber).toBe(code);
  });

  it('packed before the worker ever ran: the bench plans the number itself, and the next run fetches and prints it', async () => {
    const { core, component } = await world();
    const [id] = await allocated(core, [[['MUG', 1]]], [masked]);
    const [done] = await packAll(core, [id!]);
    expect(done.printJobs).toEqual([]);
    expect(done.warnings.join(' ')).toMatch(/no number yet: still being fetched/);
    expect((await wb(core, id!)).current).toMatchObject({ state: 'pending', printWhenReady: true });
    core.printQueue.start();
    await core.waybills.drain();
    const code = (await wb(core, id!)).current.waybillCode;
    await until(() => component.requests.some((r) => r.cmd === 'print'), 5_000);
    expect(component.requests.find((r) => r.cmd === 'print').task.documents[0].documentID).toBe(code);
  });

  it('a timeout costs no second number: the retry sends the same package id and gets the same one', async () => {
    const { core, top } = await world();
    const [id] = await allocated(core, [[['MUG', 1]]], [masked]);
    top.faults.push({ kind: 'hang', ms: 2_600 }); // the gateway issues the number, the answer comes too late
    await core.waybills.drain();
    const after = await wb(core, id!);
    expect(after.current).toMatchObject({ state: 'pending', attempts: 1, waybillCode: null });
    expect(after.current.lastError).toMatch(/no answer within/);
    await until(() => top.issued.size === 1, 3_000);
    const fetched = await value(core.call('waybill.fetch', { orderIds: [id] }));
    expect(fetched.rows[0].current.state).toBe('active');
    expect(top.issued.size).toBe(1);
    expect(fetched.rows[0].current.waybillCode).toBe([...top.issued.values()][0]);
    expect(top.applies.map((a) => a.trade_order_info_dtos[0].package_info.id)).toEqual([
      `PD${id}_1`,
      `PD${id}_1`,
    ]);
  });

  it('an order cancelled after an unanswered request gives back the number the platform took meanwhile', async () => {
    const { core, top } = await world();
    const [id] = await allocated(core, [[['MUG', 1]]], [masked]);
    top.faults.push({ kind: 'hang', ms: 2_600 }); // the number is taken, the answer never arrives
    await core.waybills.drain();
    expect((await wb(core, id!)).current).toMatchObject({ state: 'pending', attempts: 1, waybillCode: null });
    await until(() => top.issued.size === 1, 4_000);
    const taken = [...top.issued.values()][0];
    await value(core.call('orders.transition', { ids: [id], to: 'cancelled', reason: 'buyer cancelled' }));
    await core.waybills.drain();
    expect(top.cancelled).toEqual([taken]);
    const after = await wb(core, id!);
    expect(after.current).toBeNull();
    expect(after.history[0]).toMatchObject({ waybillCode: taken, state: 'cancelled' });
  });

  it('an order cancelled while its first request could not leave (offline) is closed without a call', async () => {
    const { core, top } = await world('http://127.0.0.1:9/router/rest'); // nothing listens there
    const [id] = await allocated(core, [[['MUG', 1]]], [masked]);
    await core.waybills.drain();
    expect((await wb(core, id!)).current).toMatchObject({ state: 'pending', attempts: 0, waybillCode: null });
    await value(core.call('orders.transition', { ids: [id], to: 'cancelled', reason: 'buyer cancelled' }));
    await core.waybills.drain();
    const after = await wb(core, id!);
    expect(after.current).toBeNull();
    expect(after.history[0]).toMatchObject({ state: 'cancelled', waybillCode: null });
    expect(top.applies).toEqual([]);
  });

  it('500 and truncated JSON are retried with backoff; a ban waits its seconds without counting', async () => {
    const { core, top } = await world();
    const [id] = await allocated(core, [[['MUG', 1]]], [masked]);
    top.faults.push({ kind: 'status', status: 500 }, { kind: 'truncate' });
    await core.waybills.drain();
    await new Promise((r) => setTimeout(r, 50));
    await core.waybills.drain();
    const mid = await wb(core, id!);
    expect(mid.current).toMatchObject({ state: 'pending', attempts: 2 });
    expect(mid.current.lastError).toMatch(/not complete JSON/);
    top.script.push({ kind: 'ban', seconds: 30 });
    await new Promise((r) => setTimeout(r, 50));
    const t0 = Date.now();
    await core.waybills.drain();
    const banned = await wb(core, id!);
    expect(banned.current).toMatchObject({ state: 'pending', attempts: 2 });
    expect(banned.current.lastError).toMatch(/App Call Limited/);
    expect(Date.parse(banned.current.nextRunAt) - t0).toBeGreaterThanOrEqual(30_000);
    await core.waybills.drain(); // still banned: nothing is asked
    expect(top.applies).toHaveLength(2);
  });

  it('an isv refusal in a batch fails only the refused order, with the platform’s reason', async () => {
    const { core, top } = await world();
    const ids = await allocated(core, [[['MUG', 1]], [['CAP', 1]], [['SOCK', 1]]], [masked, masked, masked]);
    const badExternal = (await value(core.call('orders.get', { id: ids[1] }))).externalId;
    top.script.push({
      kind: 'isv',
      sub_code: 'isv.address-not-reachable',
      sub_msg: '收件地址不可达',
      when: (orders) => orders.includes(badExternal),
    });
    await core.waybills.drain();
    const states = await Promise.all(ids.map(async (i) => (await wb(core, i)).current));
    expect(states.map((s) => s.state)).toEqual(['active', 'failed', 'active']);
    expect(states[1].lastError).toMatch(/收件地址不可达/);
    expect(states[1].nextRunAt).toBeNull();
  });

  it('cancelled and rerouted orders give their number back (retried after a 500)', async () => {
    const { core, top } = await world();
    const [a, b] = await allocated(core, [[['MUG', 1]], [['CAP', 1]]], [masked, masked]);
    await core.waybills.drain();
    const codeA = (await wb(core, a!)).current.waybillCode;
    const codeB = (await wb(core, b!)).current.waybillCode;
    await value(core.call('orders.transition', { ids: [a], to: 'cancelled', reason: 'buyer cancelled' }));
    // Rerouted to SF, which has no e-waybill account (below the contract, as a re-run of routing would).
    core.ctx.sqlite.prepare("update orders set carrier = 'SF' where id = ?").run(b);
    top.faults.push({ kind: 'status', status: 500 });
    await core.waybills.drain();
    await new Promise((r) => setTimeout(r, 50));
    await core.waybills.drain();
    expect(top.cancelled.sort()).toEqual([codeA, codeB].sort());
    const wa = await wb(core, a!);
    expect(wa.current).toBeNull();
    expect(wa.history[0]).toMatchObject({ waybillCode: codeA, state: 'cancelled' });
    expect((await wb(core, b!)).platformLabel).toBe(false);
    expect(await value(core.call('waybill.byCode', { code: codeA }))).toBeNull();
  });

  it('credentials never reach the renderer and are stored only encrypted; plain-text storage is refused', async () => {
    const { core, top, account } = await world();
    const [id] = await allocated(core, [[['MUG', 1]]], [masked]);
    await core.waybills.drain();
    const answers = JSON.stringify([
      await value(core.call('waybill.accounts.list', {})),
      await value(core.call('waybill.accounts.save', strip(account))),
      await value(core.call('waybill.order', { orderId: id })),
      await value(core.call('waybill.accounts.test', { id: account.id, cpCode: 'ZTO', gatewayUrl: top.url })),
    ]);
    for (const s of [top.secret, top.session, top.appKey]) expect(answers).not.toContain(s);
    expect(JSON.parse(answers)[0].rows[0]).toMatchObject({
      hasCredentials: true,
      credentialsBackend: 'test_keychain',
    });
    const stored = core.ctx.sqlite.prepare('select * from waybill_accounts').get() as Record<string, unknown>;
    expect(JSON.stringify(stored) + String(stored.secret_ciphertext)).not.toContain(top.secret);

    const plain = aCore({
      sync: { secrets: aSecretStore({ available: false, backend: 'basic_text', reason: 'no keyring' }) },
    });
    try {
      await aFloor(plain);
      const acc = await value(
        plain.call('waybill.accounts.save', {
          carrier: 'ZTO',
          cpCode: 'ZTO',
          templateUrl: 'http://x.cn/t/1',
          sender,
        }),
      );
      const r = await plain.call('waybill.accounts.setCredentials', {
        id: acc.id,
        credentials: { appKey: 'k', appSecret: 's', sessionKey: 'x' },
      });
      expect(r).toMatchObject({
        ok: false,
        error: { code: 'unavailable', message: expect.stringContaining('no keyring') },
      });
      expect((await value(plain.call('waybill.accounts.list', {}))).rows[0].hasCredentials).toBe(false);
    } finally {
      plain.dispose();
    }
  });

  it('test connection on typed values: the subscription and balance, or the platform’s refusal', async () => {
    const { core, top } = await world();
    const ok = await value(
      core.call('waybill.accounts.test', {
        cpCode: 'ZTO',
        gatewayUrl: top.url,
        credentials: { appKey: top.appKey, appSecret: top.secret, sessionKey: top.session },
      }),
    );
    expect(ok).toEqual({ ok: true, message: 'Connected: ZTO via 上海浦东网点; 980 numbers left' });
    const none = await value(
      core.call('waybill.accounts.test', {
        cpCode: 'SF',
        gatewayUrl: top.url,
        credentials: { appKey: top.appKey, appSecret: top.secret, sessionKey: top.session },
      }),
    );
    expect(none).toMatchObject({
      ok: false,
      message: expect.stringContaining('no SF e-waybill subscription'),
    });
    const bad = await value(
      core.call('waybill.accounts.test', {
        cpCode: 'ZTO',
        gatewayUrl: top.url,
        credentials: { appKey: top.appKey, appSecret: 'wrong', sessionKey: top.session },
      }),
    );
    expect(bad).toMatchObject({ ok: false, message: expect.stringContaining('Invalid signature') });
  });
});

/** An account as returned, back into the save input (id kept, read-only fields dropped). */
function strip(a: Record<string, any>) {
  const { hasCredentials: _h, credentialsBackend: _b, credentialsUpdatedAt: _u, ...rest } = a;
  return rest;
}
