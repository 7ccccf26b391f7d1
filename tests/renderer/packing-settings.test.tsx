// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PackBox } from '../../src-shared/contract/settings.contract';
import { fakeBridge } from './fake-bridge';
import { renderApp } from './render-app';

beforeEach(() => localStorage.clear());
afterEach(cleanup);

/** A settings core with a PIN it checks the way supervisor-pin.ts does, and a box catalogue. */
function shop() {
  let pin: string | null = null;
  let boxes: PackBox[] = [
    { code: 'BOX-S1', name: 'Carton S1', lengthMm: 200, widthMm: 150, heightMm: 100, tareGrams: 80 },
  ];
  const bridge = fakeBridge({
    handlers: {
      'settings.supervisorPin.status': () => ({ ok: true, value: { set: pin !== null } }),
      'settings.supervisorPin.set': ({ oldPin, newPin }) => {
        if (pin !== null && oldPin !== pin)
          return { ok: false, error: { code: 'forbidden', message: 'Wrong supervisor PIN (4 tries left)' } };
        pin = newPin;
        return { ok: true, value: { set: pin !== null } };
      },
      'boxes.list': () => ({ ok: true, value: { rows: boxes } }),
      'boxes.save': ({ rows }) => {
        const bad = rows.findIndex((b) => b.tareGrams < 0);
        if (bad >= 0)
          return {
            ok: false,
            error: {
              code: 'invalid_input',
              message: 'boxes.save: rows: invalid',
              issues: [{ path: `rows.${bad}.tareGrams`, message: 'Too small: expected number to be >=0' }],
            },
          };
        boxes = rows;
        return { ok: true, value: { rows } };
      },
    },
  });
  return { bridge, pin: () => pin };
}

describe('settings: packing bench', () => {
  it('sets a supervisor PIN (password fields); changing or removing it needs the current one, a wrong one is refused', async () => {
    const s = shop();
    renderApp({ bridge: s.bridge, hash: '#/settings' });
    const section = (await screen.findByRole('heading', { name: 'Packing bench: supervisor PIN' })).closest(
      'section',
    )!;
    expect(within(section).getByText(/No supervisor PIN is set: anyone at the packing bench/)).toBeTruthy();
    const form = await within(section).findByRole('form', { name: 'Packing bench: supervisor PIN' });
    expect(within(form).queryByLabelText('Current PIN')).toBeNull();
    const fresh = within(form).getByLabelText<HTMLInputElement>('New PIN');
    expect(fresh.type).toBe('password');
    fireEvent.change(fresh, { target: { value: '2468' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Set PIN' }));
    await within(section).findByText('Supervisor PIN saved.');
    expect(s.bridge.callsOf('settings.supervisorPin.set')).toEqual([{ newPin: '2468' }]);
    expect(within(section).getByText(/A supervisor PIN protects overrides/)).toBeTruthy();

    fireEvent.change(within(form).getByLabelText('Current PIN'), { target: { value: '1111' } });
    fireEvent.change(within(form).getByLabelText('New PIN'), { target: { value: '9999' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Change PIN' }));
    await waitFor(() =>
      expect(within(section).getByRole('alert').textContent).toContain('Wrong supervisor PIN (4 tries left)'),
    );
    expect(s.pin()).toBe('2468');
    // Typed PINs never linger in the fields.
    expect(within(form).getByLabelText<HTMLInputElement>('Current PIN').value).toBe('');

    const remove = within(form).getByRole<HTMLButtonElement>('button', { name: 'Remove PIN' });
    expect(remove.disabled).toBe(true);
    fireEvent.change(within(form).getByLabelText('Current PIN'), { target: { value: '2468' } });
    fireEvent.click(remove);
    await within(section).findByText('Supervisor PIN removed: overrides are no longer protected.');
    expect(s.bridge.callsOf('settings.supervisorPin.set').at(-1)).toEqual({ oldPin: '2468', newPin: null });
    expect(s.pin()).toBeNull();
  });

  it('edits the box catalogue: change a tare, add a box, save as numbers; a refused cell is named', async () => {
    const s = shop();
    renderApp({ bridge: s.bridge, hash: '#/settings' });
    const form = await screen.findByRole('form', { name: 'Packing bench: boxes' });
    expect(within(form).getByLabelText<HTMLInputElement>('Code 1').value).toBe('BOX-S1');
    fireEvent.change(within(form).getByLabelText('Empty weight (g) 1'), { target: { value: '85' } });
    fireEvent.click(screen.getByRole('button', { name: '+ Add box' }));
    const cells: [string, string][] = [
      ['Code 2', 'BAG-L'],
      ['Name 2', '快递袋 L'],
      ['Length (mm) 2', '400'],
      ['Width (mm) 2', '300'],
      ['Height (mm) 2', '10'],
      ['Empty weight (g) 2', 'x'],
    ];
    for (const [label, v] of cells)
      fireEvent.change(within(form).getByLabelText(label), { target: { value: v } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('rows.1.tareGrams'));
    fireEvent.change(within(form).getByLabelText('Empty weight (g) 2'), { target: { value: '20' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await within(form).findByText('Boxes saved.');
    expect(s.bridge.callsOf('boxes.save').at(-1)).toEqual({
      rows: [
        { code: 'BOX-S1', name: 'Carton S1', lengthMm: 200, widthMm: 150, heightMm: 100, tareGrams: 85 },
        { code: 'BAG-L', name: '快递袋 L', lengthMm: 400, widthMm: 300, heightMm: 10, tareGrams: 20 },
      ],
    });
  });

  it('shows the PIN and box settings in Chinese', async () => {
    renderApp({ hash: '#/settings', language: 'zh-CN' });
    expect(await screen.findByRole('heading', { name: '打包台：主管密码' })).toBeTruthy();
    expect(await screen.findByRole('heading', { name: '打包台：箱型' })).toBeTruthy();
    expect(screen.getByText(/未设置主管密码/)).toBeTruthy();
  });
});
