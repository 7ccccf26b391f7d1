import { statSync } from 'node:fs';
import { join } from 'node:path';
import { holdCheckpoints } from '../../src-main/adapters/db/open';
import { aCore } from '../fixtures/core';
import { aChannel, anOrder, seedOrders } from '../fixtures/orders';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Commits are durable in the WAL (synchronous = FULL); copying them into the database file is
// done by the core's checkpointer between calls, not inside a commit.
describe('WAL checkpoints after the write, not inside it', () => {
  test('a large write leaves the database file as it was until the checkpointer copies it, within seconds', async () => {
    const core = aCore();
    try {
      expect(core.ctx.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      const file = join(core.dir, 'packdesk.db');
      await sleep(1300); // the migration's pages are copied by the first tick
      const before = statSync(file).size;
      const channelId = aChannel(core);
      // Well past the 1,000 pages at which SQLite would checkpoint inside the commit by default.
      seedOrders(
        core,
        Array.from({ length: 20_000 }, () =>
          anOrder({ channelId, buyerMessage: '请尽快发货，谢谢'.repeat(8) }),
        ),
      );
      expect(statSync(file).size).toBe(before);
      const until = Date.now() + 5000;
      while (statSync(file).size === before && Date.now() < until) await sleep(100);
      expect(statSync(file).size).toBeGreaterThan(before + 4_000_000);
    } finally {
      core.dispose();
    }
  });

  test('a bulk write (an import) holds checkpoints: the file stays as it was; the first tick after the release copies everything', async () => {
    const core = aCore();
    try {
      const file = join(core.dir, 'packdesk.db');
      await sleep(1300);
      const before = statSync(file).size;
      const release = holdCheckpoints(core.ctx.sqlite);
      const channelId = aChannel(core);
      seedOrders(
        core,
        Array.from({ length: 20_000 }, () =>
          anOrder({ channelId, buyerMessage: '请尽快发货，谢谢'.repeat(8) }),
        ),
      );
      await sleep(2500); // two ticks pass, held
      expect(statSync(file).size).toBe(before);
      release();
      release(); // harmless twice
      const until = Date.now() + 5000;
      while (statSync(file).size === before && Date.now() < until) await sleep(100);
      expect(statSync(file).size).toBeGreaterThan(before + 4_000_000);
    } finally {
      core.dispose();
    }
  });
});
