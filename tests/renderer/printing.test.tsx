// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Printer } from '../../src-shared/contract/printing.contract';
import { job, zebra } from './print-samples';
import { fakeBridge, type Handlers } from './fake-bridge';
import { renderApp } from './render-app';

beforeEach(() => localStorage.clear());
afterEach(cleanup);

const bridge = (extra: Handlers = {}) =>
  fakeBridge({
    handlers: {
      'printing.printers.list': () => ({ ok: true, value: { rows: [zebra] } }),
      'printing.jobs.list': () => ({
        ok: true,
        value: {
          rows: [
            job({}),
            job({
              id: 8,
              title: 'label · order 4',
              status: 'failed',
              lastFault: 'unreachable',
              lastError:
                'printer "Zebra ZD421" at 192.0.2.10:9100 is off or unreachable (connection refused)',
            }),
          ],
        },
      }),
      'documents.templates.get': ({ kind }) => ({
        ok: true,
        value: { kind, hasLogo: false, sender: null, options: {}, updatedAt: null },
      }),
      'printing.printers.test': () => ({
        ok: true,
        value: job({ id: 9, title: 'Test page · Zebra ZD421', status: 'queued' }),
      }),
      'printing.reprint': ({ jobId, reason }) => ({
        ok: true,
        value: job({ id: 10, reprintOf: jobId, reprintReason: reason }),
      }),
      'printing.jobs.retry': ({ jobId }) => ({ ok: true, value: job({ id: jobId, status: 'queued' }) }),
      ...extra,
    },
  });

describe('printing screen', () => {
  it('lists printers and the queue with the printer’s fault, and sends a test page', async () => {
    const b = bridge();
    renderApp({ bridge: b, hash: '#/printing' });
    expect(await screen.findByRole('heading', { name: 'Printing' })).toBeTruthy();
    expect(await screen.findByText('192.0.2.10:9100')).toBeTruthy();
    expect(
      screen.getByText(
        // The job failed (gave up): it will not print by itself, so the text says to press Retry.
        'Zebra ZD421 is off or cannot be reached. Packdesk stopped trying: switch it on or check its address, then press Retry.',
      ),
    ).toBeTruthy();
    expect(screen.getByText(/is off or unreachable \(connection refused\)/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Test print' }));
    await waitFor(() => expect(b.callsOf('printing.printers.test')).toEqual([{ id: 1 }]));
    expect(await screen.findByText('Queued: Test page · Zebra ZD421')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(b.callsOf('printing.jobs.retry')).toEqual([{ jobId: 8 }]));
  });

  it('checks a printer’s status on request and shows the verdict with the core’s detail', async () => {
    let out = true;
    const b = bridge({
      'printing.printers.status': ({ id }) => ({
        ok: true,
        value: out
          ? {
              printerId: id,
              state: 'fault',
              fault: 'paper_out',
              message:
                'printer "Zebra ZD421" at 192.0.2.10:9100 is out of labels; load a roll and the job will print',
              checkedAt: '2026-11-25T08:00:00.000Z',
            }
          : {
              printerId: id,
              state: 'ready',
              fault: null,
              message: 'printer "Zebra ZD421" at 192.0.2.10:9100 is ready',
              checkedAt: '2026-11-25T08:00:05.000Z',
            },
      }),
    });
    renderApp({ bridge: b, hash: '#/printing' });
    expect(await screen.findByText('Not checked')).toBeTruthy();
    const check = screen.getByRole('button', { name: 'Check status' });
    fireEvent.click(check);
    await waitFor(() => expect(b.callsOf('printing.printers.status')).toEqual([{ id: 1 }]));
    expect(
      await screen.findByText('Zebra ZD421 is out of paper. Load a new roll and the job prints.'),
    ).toBeTruthy();
    expect(screen.getByText(/is out of labels; load a roll and the job will print/)).toBeTruthy();
    out = false;
    fireEvent.click(check);
    expect(await screen.findByText('Ready')).toBeTruthy();
    expect(screen.getByText('printer "Zebra ZD421" at 192.0.2.10:9100 is ready')).toBeTruthy();
  });

  it('names a paused Zebra as paused (not offline), so the clerk presses its button', async () => {
    renderApp({
      bridge: bridge({
        'printing.printers.status': ({ id }) => ({
          ok: true,
          value: {
            printerId: id,
            state: 'fault',
            fault: 'paused',
            message:
              'printer "Zebra ZD421" at 192.0.2.10:9100 is paused; press its pause/feed button and the job will print',
            checkedAt: '2026-11-25T08:00:00.000Z',
          },
        }),
      }),
      hash: '#/printing',
      language: 'zh-CN',
    });
    fireEvent.click(await screen.findByRole('button', { name: '检查状态' }));
    expect(
      await screen.findByText('打印机“Zebra ZD421”已暂停。按一下暂停/走纸键后会自动打印。'),
    ).toBeTruthy();
  });

  it('offers the OS printers as device names when a system printer is added', async () => {
    const b = bridge({
      'printing.system.list': () => ({
        ok: true,
        value: {
          available: true,
          printers: [{ name: 'ZDesigner_GK420d', displayName: 'ZDesigner GK420d', isDefault: true }],
        },
      }),
      'printing.printers.save': (input) => ({ ok: true, value: { ...zebra, ...input, id: 2 } as Printer }),
    });
    renderApp({ bridge: b, hash: '#/printing' });
    fireEvent.click(await screen.findByRole('button', { name: '+ Add printer' }));
    const form = screen.getByRole('form', { name: 'Add printer' });
    expect(b.callsOf('printing.system.list')).toEqual([]);
    fireEvent.change(within(form).getByLabelText('Type'), { target: { value: 'system' } });
    expect(
      await within(form).findByText('1 printer found on this computer; pick it or type its system name'),
    ).toBeTruthy();
    const device = within(form).getByLabelText('Device name');
    const list = document.getElementById(device.getAttribute('list')!)!;
    expect([...list.querySelectorAll('option')].map((o) => [o.value, o.textContent])).toEqual([
      ['ZDesigner_GK420d', 'ZDesigner GK420d'],
    ]);
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'Zebra USB' } });
    fireEvent.change(within(form).getByLabelText('Language'), { target: { value: 'pdf' } });
    fireEvent.change(device, { target: { value: 'ZDesigner_GK420d' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(b.callsOf('printing.printers.save')).toEqual([
        expect.objectContaining({
          name: 'Zebra USB',
          kind: 'system',
          language: 'pdf',
          deviceName: 'ZDesigner_GK420d',
        }),
      ]),
    );
  });

  it('switches the status check before each job off for a network printer, with the reason shown', async () => {
    const b = bridge({
      'printing.printers.save': (input) => ({ ok: true, value: { ...zebra, ...input } as Printer }),
    });
    renderApp({ bridge: b, hash: '#/printing' });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    const form = screen.getByRole('form', { name: 'Edit printer' });
    const check = within(form).getByRole('checkbox', { name: 'Check status before each job' });
    expect((check as HTMLInputElement).checked).toBe(true);
    expect(document.getElementById(check.getAttribute('aria-describedby')!)!.textContent).toMatch(
      /never answers .*; Check status still asks/,
    );
    fireEvent.click(check);
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(b.callsOf('printing.printers.save')).toEqual([
        expect.objectContaining({ id: 1, statusCheck: false }),
      ]),
    );
  });

  it('the printer list says when a printer is not asked before its jobs', async () => {
    renderApp({
      bridge: bridge({
        'printing.printers.list': () => ({ ok: true, value: { rows: [{ ...zebra, statusCheck: false }] } }),
      }),
      hash: '#/printing',
      language: 'zh-CN',
    });
    const row = (await screen.findByText('192.0.2.10:9100')).closest('tr')!;
    expect(within(row).getByText('打印前不询问状态，直接发送')).toBeTruthy();
  });

  it('offers only the languages the chosen type speaks, switching to one that fits', async () => {
    renderApp({ bridge: bridge(), hash: '#/printing' });
    fireEvent.click(await screen.findByRole('button', { name: '+ Add printer' }));
    const form = screen.getByRole('form', { name: 'Add printer' });
    const language = within(form).getByLabelText('Language') as HTMLSelectElement;
    const options = () => [...language.options].map((o) => o.value);
    expect(options()).toEqual(['zpl', 'tspl', 'escpos']);
    fireEvent.change(language, { target: { value: 'tspl' } });
    fireEvent.change(within(form).getByLabelText('Type'), { target: { value: 'cainiao_ws' } });
    expect([language.value, options()]).toEqual(['cainiao', ['cainiao']]);
    fireEvent.change(within(form).getByLabelText('Type'), { target: { value: 'system' } });
    expect([language.value, options()]).toEqual(['pdf', ['pdf']]);
    fireEvent.change(within(form).getByLabelText('Type'), { target: { value: 'raw_tcp' } });
    expect(language.value).toBe('zpl');
  });

  it('offers as default only the roles the printer’s language can print, and drops one that no longer fits', async () => {
    renderApp({ bridge: bridge(), hash: '#/printing' });
    fireEvent.click(await screen.findByRole('button', { name: '+ Add printer' }));
    const form = screen.getByRole('form', { name: 'Add printer' });
    const role = within(form).getByLabelText('Default for') as HTMLSelectElement;
    const roles = () => [...role.options].map((o) => o.value);
    // A ZPL label printer cannot print A4 documents or receipts.
    expect(roles()).toEqual(['', 'label']);
    fireEvent.change(within(form).getByLabelText('Language'), { target: { value: 'escpos' } });
    expect(roles()).toEqual(['', 'label', 'receipt']);
    fireEvent.change(role, { target: { value: 'receipt' } });
    fireEvent.change(within(form).getByLabelText('Type'), { target: { value: 'system' } });
    // A PDF printer can print receipts too: the choice stays.
    expect([role.value, roles()]).toEqual(['receipt', ['', 'label', 'receipt', 'document']]);
    fireEvent.change(role, { target: { value: 'document' } });
    fireEvent.change(within(form).getByLabelText('Type'), { target: { value: 'raw_tcp' } });
    expect(role.value).toBe('');
  });

  it('offers no status check where the printer has no status query', async () => {
    renderApp({ bridge: bridge(), hash: '#/printing' });
    fireEvent.click(await screen.findByRole('button', { name: '+ Add printer' }));
    const form = screen.getByRole('form', { name: 'Add printer' });
    expect(within(form).getByRole('checkbox', { name: 'Check status before each job' })).toBeTruthy();
    for (const kind of ['system', 'cainiao_ws']) {
      fireEvent.change(within(form).getByLabelText('Type'), { target: { value: kind } });
      expect(within(form).queryByRole('checkbox', { name: 'Check status before each job' })).toBeNull();
    }
  });

  it('offers no test page for a platform print component (it prints waybills only), only Check status', async () => {
    const cainiao: Printer = {
      ...zebra,
      id: 2,
      name: 'Cainiao',
      kind: 'cainiao_ws',
      language: 'cainiao',
      host: '127.0.0.1',
      port: 13528,
      defaultFor: null,
    };
    renderApp({
      bridge: bridge({ 'printing.printers.list': () => ({ ok: true, value: { rows: [zebra, cainiao] } }) }),
      hash: '#/printing',
    });
    const row = (await screen.findByText('Cainiao')).closest('tr')!;
    expect(within(row).queryByRole('button', { name: 'Test print' })).toBeNull();
    expect(within(row).getByRole('button', { name: 'Check status' })).toBeTruthy();
    const zebraRow = screen.getByText('192.0.2.10:9100').closest('tr')!;
    expect(within(zebraRow).getByRole('button', { name: 'Test print' })).toBeTruthy();
  });

  it('a job that may have printed offers a reprint with a reason, not a retry', async () => {
    const b = bridge({
      'printing.jobs.list': () => ({
        ok: true,
        value: {
          rows: [
            job({
              id: 11,
              title: 'label · order 5',
              status: 'failed',
              lastFault: 'interrupted',
              maybePrinted: true,
              lastError: 'Packdesk stopped while this job was being sent: it may or may not have printed.',
            }),
          ],
        },
      }),
    });
    renderApp({ bridge: b, hash: '#/printing' });
    const row = (await screen.findByText('Shipping label · order 5')).closest('tr')!;
    expect(within(row).queryByRole('button', { name: 'Retry' })).toBeNull();
    fireEvent.click(within(row).getByRole('button', { name: 'Reprint' }));
    expect(screen.getByRole('form', { name: 'Reprint Shipping label · order 5' })).toBeTruthy();
  });

  it('a reprint asks for a reason first', async () => {
    const b = bridge();
    renderApp({ bridge: b, hash: '#/printing' });
    await screen.findByText('Shipping label · order 3');
    fireEvent.click(screen.getAllByRole('button', { name: 'Reprint' })[0]!);
    const form = screen.getByRole('form', { name: 'Reprint Shipping label · order 3' });
    const submit = within(form).getByRole('button', { name: 'Reprint' });
    expect((submit as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(form).getByLabelText('Reason for the reprint'), {
      target: { value: 'label torn' },
    });
    fireEvent.click(submit);
    await waitFor(() => expect(b.callsOf('printing.reprint')).toEqual([{ jobId: 7, reason: 'label torn' }]));
  });

  it('a reprint can go to another printer when the job’s own printer is the problem', async () => {
    const tsc: Printer = {
      ...zebra,
      id: 2,
      name: 'TSC TE244',
      language: 'tspl',
      host: '192.0.2.11',
      defaultFor: null,
    };
    const b = bridge({ 'printing.printers.list': () => ({ ok: true, value: { rows: [zebra, tsc] } }) });
    renderApp({ bridge: b, hash: '#/printing' });
    await screen.findByText('192.0.2.11:9100');
    fireEvent.click(screen.getAllByRole('button', { name: 'Reprint' })[0]!);
    const form = screen.getByRole('form', { name: 'Reprint Shipping label · order 3' });
    const printer = within(form).getByRole('combobox', { name: 'Printer' }) as HTMLSelectElement;
    expect(printer.value).toBe('1');
    fireEvent.change(printer, { target: { value: '2' } });
    fireEvent.change(within(form).getByLabelText('Reason for the reprint'), {
      target: { value: 'Zebra jammed' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Reprint' }));
    await waitFor(() =>
      expect(b.callsOf('printing.reprint')).toEqual([{ jobId: 7, reason: 'Zebra jammed', printerId: 2 }]),
    );
  });

  it('follows the queue live: a jobs event reloads the jobs, a settings event the printers too', async () => {
    const b = bridge();
    renderApp({ bridge: b, hash: '#/printing' });
    await screen.findByText('Shipping label · order 3');
    const jobs = b.callsOf('printing.jobs.list').length;
    const printers = b.callsOf('printing.printers.list').length;
    b.emit({ name: 'jobs.changed', payload: { ids: [7] } });
    await waitFor(() => expect(b.callsOf('printing.jobs.list').length).toBeGreaterThan(jobs));
    expect(b.callsOf('printing.printers.list').length).toBe(printers);
    b.emit({ name: 'settings.changed', payload: { what: 'settings' } });
    await waitFor(() => expect(b.callsOf('printing.printers.list').length).toBeGreaterThan(printers));
  });

  it('speaks Chinese', async () => {
    renderApp({ bridge: bridge(), hash: '#/printing', language: 'zh-CN' });
    expect(await screen.findByRole('heading', { name: '打印' })).toBeTruthy();
    expect(await screen.findByText('打印队列与历史')).toBeTruthy();
    expect(screen.getAllByText('失败').length).toBeGreaterThan(0);
    expect(
      screen.getByText('打印机“Zebra ZD421”未开机或无法连接，已停止重试。请开机或检查地址，然后点“重试”。'),
    ).toBeTruthy();
  });
});
