import { aCore } from '../fixtures/core';
import { aFloor, allocated } from '../fixtures/fulfillment';
import { createI18n } from '../../src-renderer/i18n/i18n';
import { errorText } from '../../src-renderer/i18n/error-text';

const zh = createI18n('zh-CN').t;
const en = createI18n('en').t;

type TestCore = ReturnType<typeof aCore>;

/** The error a call is refused with, as the screen gets it. */
async function refusal(core: TestCore, op: string, input: unknown) {
  const r = await core.call(op as never, input as never);
  if (r.ok) throw new Error(`${op} was not refused`);
  return r.error;
}

describe('error details under the headline, in the UI language', () => {
  let core: TestCore;
  beforeEach(async () => {
    core = aCore();
    await aFloor(core);
  });
  afterEach(() => core.dispose());

  it('says the state machine’s refusal with the statuses named the UI’s way', async () => {
    const [id] = await allocated(core, [[['MUG', 1]]]);
    const e = await refusal(core, 'orders.transition', { ids: [id], to: 'exception', reason: 'box crushed' });
    expect(e.message).toMatch(/^An order cannot go from "allocated" to "exception"/);
    expect(errorText(zh, e).detail).toBe(
      '订单不能从“已配货”变为“异常”；“已配货”的订单只能变为：拣货中、已审核、已挂起、已取消',
    );
    expect(errorText(en, e).detail).toBe(
      'An order cannot go from "Allocated" to "Exception"; from "Allocated" it can go to: Picking, Approved, Held, Cancelled',
    );
    await core.call('orders.transition', { ids: [id], to: 'cancelled' });
    const final = await refusal(core, 'orders.transition', { ids: [id], to: 'approved' });
    expect(errorText(zh, final).detail).toBe('订单不能从“已取消”变为“已审核”；“已取消”是最终状态');
  });

  it('says an order, wave, tote or session that is not there, numbers and codes kept', async () => {
    expect(errorText(zh, await refusal(core, 'orders.get', { id: 999 })).detail).toBe('订单 999 不存在');
    expect(
      errorText(zh, await refusal(core, 'orders.edit', { ids: [998, 999], addTags: ['x'] })).detail,
    ).toBe('订单 998、999 不存在；未做任何修改');
    expect(errorText(zh, await refusal(core, 'waves.get', { id: 77 })).detail).toBe('波次 77 不存在');
    expect(errorText(zh, await refusal(core, 'packing.open', { code: 'NOPE-1' })).detail).toBe(
      '没有找到订单号、渠道订单号或周转箱“NOPE-1”',
    );
    const [id] = await allocated(core, [[['MUG', 1]]]);
    expect(errorText(zh, await refusal(core, 'packing.open', { code: String(id) })).detail).toBe(
      `订单 ${id} 当前为“已配货”；这一步需要“拣货中”的订单`,
    );
    expect(errorText(zh, await refusal(core, 'waves.create', { warehouse: 'XX', maxOrders: 5 })).detail).toBe(
      '没有仓库“XX”',
    );
  });

  it('shows a detail it does not know as written', () => {
    const e = { code: 'conflict', message: 'The moon is in the way' } as const;
    expect(errorText(zh, e).detail).toBe('The moon is in the way');
  });
});
