import { contract, opNames } from '../../src-shared/contract';
import { joinContracts, read } from '../../src-shared/contract/define';
import { z } from 'zod';
import { aCore } from '../fixtures/core';

describe('contract', () => {
  let core: ReturnType<typeof aCore>;
  beforeAll(() => (core = aCore()));
  afterAll(() => core.dispose());

  test('every operation is declared with a kind, input and output schema', () => {
    expect(opNames.length).toBeGreaterThan(5);
    for (const name of opNames) {
      const def = contract[name];
      expect(['read', 'write', 'task']).toContain(def.kind);
      expect(def.input).toBeInstanceOf(z.ZodType);
      expect(def.output).toBeInstanceOf(z.ZodType);
      expect(def.summary.length).toBeGreaterThan(3);
    }
  });

  test('a name declared twice is refused', () => {
    const a = { 'x.y': read('x', z.object({}), z.object({})) };
    expect(() => joinContracts(a, { ...a })).toThrow(/declared twice/);
  });

  test('every operation is handled by the core (none answers unknown_operation)', async () => {
    for (const name of opNames) {
      const r = await core.call(name, {});
      if (!r.ok) expect(r.error.code).not.toBe('unknown_operation');
    }
  });

  test('an unknown operation is refused with a stable code', async () => {
    const r = await core.call('orders.drop', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'unknown_operation' } });
  });

  test.each([
    ['orders.list', { limit: 0 }, 'limit'],
    ['orders.list', { filter: { status: ['lost'] } }, 'filter.status.0'],
    ['orders.list', { sort: { field: 'price', dir: 'asc' } }, 'sort.field'],
    ['orders.get', { id: -1 }, 'id'],
    ['orders.get', { id: '7' }, 'id'],
    ['orders.transition', { ids: [], to: 'approved' }, 'ids'],
    ['orders.transition', { ids: [1], to: 'teleported' }, 'to'],
    ['warehouses.save', { code: 'a b', name: 'X' }, 'code'],
    ['warehouses.save', { code: 'SH', name: '' }, 'name'],
    ['warehouses.save', { code: 'SH', name: 'Shanghai', phone: 'call me' }, 'phone'],
    ['channels.save', { code: 'tb', kind: 'ebay', name: 'x' }, 'kind'],
    ['channels.save', { code: 'tb', kind: 'taobao', name: 'x', currency: 'rmb' }, 'currency'],
    ['orders.list', { surprise: 1 }, '(input)'],
  ])('%s rejects %j naming %s', async (op, input, path) => {
    const r = await core.call(op, input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid_input');
    expect(r.error.issues?.map((i) => i.path)).toContain(path);
    expect(r.error.message).toContain(path);
  });
});
