import { aCore, value } from '../fixtures/core';
import { aChannel, anOrder, seedOrders } from '../fixtures/orders';
import { pdfBarcodes, pdfFonts, pdfPageCount, pdfText } from '../fixtures/decode';
import { insertWarehouse } from '../../src-main/modules/inventory';
import { renderLabelBytes } from '../../src-main/modules/documents';

describe('shipping label PDF', () => {
  let core: ReturnType<typeof aCore>;
  let sfOrder: number;
  let bareOrder: number;
  let maskedOrder: number;

  beforeAll(() => {
    core = aCore({ now: () => Date.UTC(2026, 10, 25, 8, 0) });
    const channelId = aChannel(core);
    insertWarehouse(
      core.ctx.db,
      {
        code: 'SZ1',
        name: '深圳一号仓',
        province: '广东省',
        city: '深圳市',
        district: '宝安区',
        address: '福永街道 1 号',
        contactName: '李仓管',
        phone: '075512345678',
      },
      core.ctx.now(),
    );
    [sfOrder, bareOrder, maskedOrder] = seedOrders(core, [
      anOrder({ channelId, recipientName: '王小明', externalId: 'TB-1001', paymentMethod: 'cod' }),
      anOrder({ channelId, recipientName: '赵六', externalId: 'TB-1002' }),
      anOrder({
        channelId,
        recipientName: '张**',
        phone: '138****5678',
        externalId: 'TB-1003',
        addressMasked: true,
      }),
    ]) as [number, number, number];
    core.ctx.sqlite
      .prepare(
        "update orders set carrier = 'sf', tracking_number = 'SF1234567890123', warehouse_id = 1 where id = ?",
      )
      .run(sfOrder);
    core.ctx.sqlite
      .prepare("update orders set carrier = 'zto', tracking_number = '73100000000001' where id = ?")
      .run(maskedOrder);
  });
  afterAll(() => core.dispose());

  it('100×150: tracking Code128, order Code128 and SF QR all decode; Chinese recipient is real text', async () => {
    const file = await value(
      core.call('documents.label', { orderId: sfOrder, format: 'pdf', size: '100x150' }),
    );
    const pdf = Buffer.from(file.base64, 'base64');
    expect(file.mime).toBe('application/pdf');
    const [codes] = pdfBarcodes(pdf);
    expect(codes).toEqual(
      [
        'CODE-128:PD' + String(sfOrder).padStart(8, '0'),
        'CODE-128:SF1234567890123',
        `QR-Code:SF1234567890123|PD${String(sfOrder).padStart(8, '0')}`,
      ].sort(),
    );
    const text = pdfText(pdf);
    expect(text).toContain('王小明');
    expect(text).toContain('顺丰速运');
    expect(text).toContain('代收货款');
    expect(text).toContain('李仓管'); // sender from the order's warehouse
    expect(pdfFonts(pdf)).toMatch(/NotoSansHans-Regular\s+CID Type 0C\s+Identity-H\s+yes yes yes/);
    // Subset embedding keeps a label small enough to batch.
    expect(pdf.length).toBeLessThan(150_000);
  });

  it('76×130 without a tracking number carries the order barcode and no QR', async () => {
    const file = await value(core.call('documents.label', { orderId: bareOrder, size: '76x130' }));
    const pdf = Buffer.from(file.base64, 'base64');
    expect(pdfBarcodes(pdf)).toEqual([[`CODE-128:PD${String(bareOrder).padStart(8, '0')}`]]);
    expect(pdfText(pdf)).toContain('赵六');
  });

  it('keeps masked recipient data masked', async () => {
    const pdf = await renderLabelBytes(core.ctx, {
      orderIds: [maskedOrder],
      format: 'pdf',
      size: '100x150',
      dpi: 203,
    });
    const text = pdfText(pdf);
    expect(text).toContain('张**');
    expect(text).toContain('138****5678');
    expect(text).not.toContain('13812345678');
  });

  it('puts a batch on one page per label', async () => {
    const pdf = await renderLabelBytes(core.ctx, {
      orderIds: [sfOrder, bareOrder, maskedOrder],
      format: 'pdf',
      size: '100x150',
      dpi: 203,
    });
    expect(pdfPageCount(pdf)).toBe(3);
    const pages = pdfBarcodes(pdf, 200);
    expect(pages[2]).toContain('CODE-128:73100000000001');
  });

  it('refuses an order that does not exist, naming it', async () => {
    const r = await core.call('documents.label', { orderId: 999_999 });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'Order 999999 does not exist' },
    });
  });
});
