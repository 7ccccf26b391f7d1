import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleCoreProcess, forkCoreProcess } from '../fixtures/core-process-bundle';

// The real core-process entry, bundled as in the app, in plain Node with a parentPort shim:
// system-printer work must be asked of main (this test) and main's answers must come back in.
describe('core process asks main for the system printers', () => {
  let dbDir: string;
  let bundle: { entry: string; shim: string };
  beforeAll(async () => {
    bundle = await bundleCoreProcess('electron-core-process-printers');
    dbDir = mkdtempSync(join(tmpdir(), 'packdesk-core-printers-'));
  });
  afterAll(() => rmSync(dbDir, { recursive: true, force: true }));

  it('lists and checks OS printers through main', async () => {
    // Play main: the OS has one printer.
    const asked: unknown[] = [];
    const { child, call, exited } = await forkCoreProcess(bundle, join(dbDir, 'packdesk.db'), (m, port) => {
      if (!m.printer) return;
      asked.push(m.printer);
      port.send({
        printerReply: {
          id: m.printer.id,
          ok: true,
          value: [{ name: 'HP_LaserJet', displayName: 'HP LaserJet', isDefault: true, status: 3 }],
        },
      });
    });
    expect(await call(1, 'printing.system.list', {})).toEqual({
      ok: true,
      value: {
        available: true,
        printers: [{ name: 'HP_LaserJet', displayName: 'HP LaserJet', isDefault: true }],
      },
    });
    const saved = await call(2, 'printing.printers.save', {
      name: 'Office A4',
      kind: 'system',
      language: 'pdf',
      deviceName: 'HP_LaserJet',
    });
    expect(saved.ok).toBe(true);
    expect(await call(3, 'printing.printers.status', { id: saved.value.id })).toMatchObject({
      ok: true,
      value: { state: 'ready', message: 'System printer "HP_LaserJet" is installed and idle' },
    });
    expect(asked).toEqual([
      { id: 1, op: 'list' },
      { id: 2, op: 'list' },
    ]);
    child.send({ shutdown: true });
    await exited;
  });
});
