// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Printer, PrintJob } from '../../src-shared/contract/printing.contract';
import { job as aJob, zebra } from './print-samples';
import { fakeBridge, type Handlers } from './fake-bridge';
import { renderApp } from './render-app';
import { jobTitle } from '../../src-renderer/features/printing/job-title';
import { createI18n } from '../../src-renderer/i18n/i18n';

beforeEach(() => localStorage.clear());
afterEach(cleanup);

const tsc: Printer = {
  ...zebra,
  id: 2,
  name: 'TSC TE244',
  language: 'tspl',
  host: '192.0.2.11',
  defaultFor: null,
};
const spare: Printer = {
  ...zebra,
  id: 3,
  name: 'Spare',
  host: '192.0.2.12',
  defaultFor: null,
  active: false,
};

/** Waiting jobs by default: these tests act on the queue. */
const job = (over: Partial<PrintJob>): PrintJob =>
  aJob({ status: 'queued', attempts: 0, doneAt: null, ...over });

// Two waiting jobs (one waiting for its retry), one being sent, one printed, one cancelled earlier.
const rows = [
  job({ id: 7, title: 'label · order 3' }),
  job({ id: 8, title: 'label · order 4', attempts: 2, lastFault: 'unreachable', lastError: 'refused' }),
  job({ id: 9, title: 'label · order 5', status: 'printing', attempts: 1 }),
  job({ id: 10, title: 'label · order 6', status: 'done', attempts: 1 }),
  job({
    id: 11,
    title: 'label · order 7',
    status: 'cancelled',
    cancelledBy: 'amy',
    cancelReason: 'printer off today',
    cancelledAt: '2026-11-25T08:10:00.000Z',
  }),
];

const bridge = (extra: Handlers = {}) =>
  fakeBridge({
    handlers: {
      'printing.printers.list': () => ({ ok: true, value: { rows: [zebra, tsc, spare] } }),
      'printing.jobs.list': () => ({ ok: true, value: { rows } }),
      'documents.templates.get': ({ kind }) => ({
        ok: true,
        value: { kind, hasLogo: false, sender: null, options: {}, updatedAt: null },
      }),
      'printing.jobs.cancel': ({ jobIds, reason }) => ({
        ok: true,
        value: {
          rows: jobIds.map((id) =>
            job({ id, status: 'cancelled', cancelledBy: 'clerk', cancelReason: reason }),
          ),
        },
      }),
      'printing.jobs.move': ({ jobIds, printerId }) => ({
        ok: true,
        value: { rows: jobIds.map((id) => job({ id, printerId })) },
      }),
      ...extra,
    },
  });

const rowOf = async (title: string) => (await screen.findByText(title)).closest('tr')!;

describe('print queue: cancel and move waiting jobs', () => {
  it('only waiting jobs can be ticked; a cancelled one says who and why and can be reprinted', async () => {
    renderApp({ bridge: bridge(), hash: '#/printing' });
    for (const title of ['Shipping label · order 3', 'Shipping label · order 4'])
      expect(within(await rowOf(title)).getByRole('checkbox', { name: `Select ${title}` })).toBeTruthy();
    for (const title of ['Shipping label · order 5', 'Shipping label · order 6', 'Shipping label · order 7'])
      expect(within(await rowOf(title)).queryByRole('checkbox')).toBeNull();
    const cancelled = await rowOf('Shipping label · order 7');
    expect(within(cancelled).getByText('Cancelled')).toBeTruthy();
    expect(within(cancelled).getByText('Cancelled by amy: printer off today')).toBeTruthy();
    expect(within(cancelled).getByRole('button', { name: 'Reprint' })).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Cancel 0 jobs' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('cancels one job with a reason at once', async () => {
    const b = bridge();
    renderApp({ bridge: b, hash: '#/printing' });
    fireEvent.click(within(await rowOf('Shipping label · order 4')).getByRole('checkbox'));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel 1 job' }));
    const form = screen.getByRole('form', { name: 'Cancel 1 job' });
    const submit = within(form).getByRole('button', { name: 'Cancel 1 job' }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    fireEvent.change(within(form).getByLabelText('Why are they cancelled?'), {
      target: { value: 'printer off today' },
    });
    fireEvent.click(submit);
    await waitFor(() =>
      expect(b.callsOf('printing.jobs.cancel')).toEqual([{ jobIds: [8], reason: 'printer off today' }]),
    );
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Cancel 1 job' })).toBeNull());
  });

  it('cancelling several jobs asks to confirm first, and keyboard alone does it (space, c, Enter)', async () => {
    const b = bridge();
    renderApp({ bridge: b, hash: '#/printing' });
    const all = await screen.findByRole('checkbox', { name: 'Select every waiting or failed job' });
    fireEvent.click(all);
    fireEvent.keyDown(all, { key: 'c' });
    const form = screen.getByRole('form', { name: 'Cancel 2 jobs' });
    const reason = within(form).getByLabelText('Why are they cancelled?');
    expect(document.activeElement).toBe(reason);
    fireEvent.change(reason, { target: { value: 'printer off today' } });
    fireEvent.submit(form);
    // First Enter: nothing is sent yet, the button asks again and says what happens.
    expect(b.callsOf('printing.jobs.cancel')).toEqual([]);
    expect(within(form).getByRole('button', { name: 'Yes, cancel 2 jobs' })).toBeTruthy();
    expect(
      within(form).getByText('2 jobs will not print. They can be reprinted from the history.'),
    ).toBeTruthy();
    fireEvent.submit(form);
    await waitFor(() =>
      expect(b.callsOf('printing.jobs.cancel')).toEqual([{ jobIds: [7, 8], reason: 'printer off today' }]),
    );
  });

  it('Escape or Keep them closes the cancel form without cancelling anything', async () => {
    const b = bridge();
    renderApp({ bridge: b, hash: '#/printing' });
    const box = within(await rowOf('Shipping label · order 3')).getByRole('checkbox');
    fireEvent.click(box);
    fireEvent.keyDown(box, { key: 'c' });
    fireEvent.keyDown(screen.getByLabelText('Why are they cancelled?'), { key: 'Escape' });
    expect(screen.queryByRole('form', { name: 'Cancel 1 job' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel 1 job' }));
    fireEvent.click(screen.getByRole('button', { name: 'Keep them' }));
    expect(screen.queryByRole('form', { name: 'Cancel 1 job' })).toBeNull();
    expect(b.callsOf('printing.jobs.cancel')).toEqual([]);
  });

  it('shows the core’s refusal (a job started printing meanwhile) and keeps the form open', async () => {
    const message =
      'Nothing was cancelled: print job 8 (label · order 4) is being sent to the printer right now; only a job waiting to print can be cancelled';
    const b = bridge({ 'printing.jobs.cancel': () => ({ ok: false, error: { code: 'conflict', message } }) });
    renderApp({ bridge: b, hash: '#/printing' });
    fireEvent.click(within(await rowOf('Shipping label · order 4')).getByRole('checkbox'));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel 1 job' }));
    const form = screen.getByRole('form', { name: 'Cancel 1 job' });
    fireEvent.change(within(form).getByLabelText('Why are they cancelled?'), { target: { value: 'off' } });
    fireEvent.submit(form);
    expect(await screen.findByText(message)).toBeTruthy();
    expect(screen.getByRole('form', { name: 'Cancel 1 job' })).toBeTruthy();
  });

  it('moves the selection to another active printer (m), offering a printer other than their own first', async () => {
    const b = bridge();
    renderApp({ bridge: b, hash: '#/printing' });
    const box = within(await rowOf('Shipping label · order 3')).getByRole('checkbox');
    fireEvent.click(box);
    fireEvent.click(within(await rowOf('Shipping label · order 4')).getByRole('checkbox'));
    fireEvent.keyDown(box, { key: 'm' });
    const form = screen.getByRole('form', { name: 'Move 2 jobs' });
    const to = within(form).getByRole('combobox', { name: 'Move to printer' }) as HTMLSelectElement;
    expect(to.value).toBe('2');
    expect([...to.options].map((o) => o.textContent)).toEqual(['Zebra ZD421 (ZPL)', 'TSC TE244 (TSPL)']);
    fireEvent.click(within(form).getByRole('button', { name: 'Move 2 jobs' }));
    await waitFor(() => expect(b.callsOf('printing.jobs.move')).toEqual([{ jobIds: [7, 8], printerId: 2 }]));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Move 2 jobs' })).toBeNull());
  });

  it('a failed job can be ticked, moved (queued on the other printer) or cancelled; one that may have printed cannot be moved', async () => {
    const failed = [
      job({ id: 20, title: 'label · order 20', status: 'failed', attempts: 5, lastFault: 'unreachable' }),
      job({ id: 21, title: 'label · order 21', status: 'failed', attempts: 1, maybePrinted: true }),
    ];
    const b = bridge({ 'printing.jobs.list': () => ({ ok: true, value: { rows: failed } }) });
    renderApp({ bridge: b, hash: '#/printing' });
    const gaveUp = within(await rowOf('Shipping label · order 20')).getByRole('checkbox');
    fireEvent.click(gaveUp);
    fireEvent.keyDown(gaveUp, { key: 'm' });
    fireEvent.click(
      within(screen.getByRole('form', { name: 'Move 1 job' })).getByRole('button', { name: 'Move 1 job' }),
    );
    await waitFor(() => expect(b.callsOf('printing.jobs.move')).toEqual([{ jobIds: [20], printerId: 2 }]));

    const maybe = within(await rowOf('Shipping label · order 21')).getByRole('checkbox');
    fireEvent.click(maybe);
    expect((screen.getByRole('button', { name: 'Move 1 job…' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('note').textContent).toMatch(/may already have printed cannot be moved/);
    fireEvent.keyDown(maybe, { key: 'm' });
    expect(screen.queryByRole('form', { name: 'Move 1 job' })).toBeNull();
    fireEvent.keyDown(maybe, { key: 'c' });
    const form = screen.getByRole('form', { name: 'Cancel 1 job' });
    fireEvent.change(within(form).getByLabelText('Why are they cancelled?'), {
      target: { value: 'came out' },
    });
    fireEvent.submit(form);
    await waitFor(() =>
      expect(b.callsOf('printing.jobs.cancel')).toEqual([{ jobIds: [21], reason: 'came out' }]),
    );
  });

  it('letters typed into the reprint reason do not open the cancel form', async () => {
    renderApp({ bridge: bridge(), hash: '#/printing' });
    fireEvent.click(within(await rowOf('Shipping label · order 3')).getByRole('checkbox'));
    fireEvent.click(within(await rowOf('Shipping label · order 6')).getByRole('button', { name: 'Reprint' }));
    fireEvent.keyDown(screen.getByLabelText('Reason for the reprint'), { key: 'c' });
    expect(screen.queryByRole('form', { name: 'Cancel 1 job' })).toBeNull();
  });

  it('speaks Chinese', async () => {
    renderApp({ bridge: bridge(), hash: '#/printing', language: 'zh-CN' });
    // The core's English title ("label · order 7") is named in Chinese.
    const cancelled = await rowOf('快递面单 · 订单 7');
    expect(screen.queryByText(/label · order/)).toBeNull();
    // A waiting job is still tried by itself, so its fault keeps the promise to print.
    expect(
      within(await rowOf('快递面单 · 订单 4')).getByText(
        '打印机“Zebra ZD421”未开机或无法连接。请开机或检查地址，连通后会自动打印。',
      ),
    ).toBeTruthy();
    expect(within(cancelled).getByText('已取消')).toBeTruthy();
    expect(within(cancelled).getByText('amy 已取消：printer off today')).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: '选择全部等待中或失败的任务' }));
    fireEvent.click(screen.getByRole('button', { name: '取消 2 个任务' }));
    expect(screen.getByRole('form', { name: '取消 2 个任务' })).toBeTruthy();
  });
});

describe('print job titles', () => {
  it('names pick lists, reprints and test pages in the screen’s language, and keeps a title it does not know', () => {
    const t = createI18n('zh-CN').t;
    expect(jobTitle(t, { document: 'pick_list', orderId: null, title: 'pick_list · 5 orders' })).toBe(
      '拣货单 · 5 个订单',
    );
    expect(jobTitle(t, { document: 'label', orderId: 8, title: 'label · order 8 (reprint 2)' })).toBe(
      '快递面单 · 订单 8（第 2 次重打）',
    );
    expect(jobTitle(t, { document: 'test', orderId: null, title: 'Test page · Zebra 9100' })).toBe(
      '测试页 · Zebra 9100',
    );
    expect(jobTitle(t, { document: 'other', orderId: null, title: 'something new' })).toBe('something new');
  });
});
