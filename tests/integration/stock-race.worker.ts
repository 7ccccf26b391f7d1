// Forked by stock-race.test.ts: one process of several racing for the same scarce stock.
import { createCore } from '../../src-main/compose';
import { moveStock } from '../../src-main/modules/inventory';

const [dbPath, workerId, attempts, mode, orderIdsJson] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string?,
];
const core = createCore({ dbPath });

async function main(): Promise<void> {
  let won = 0;
  let refused = 0;
  let busy = 0;
  if (mode === 'ledger') {
    // Blind reservations: no read-then-check in code, so only the SQL CHECK stands between us and oversell.
    for (let i = 0; i < Number(attempts); i++) {
      try {
        core.ctx.sqlite
          .transaction(() =>
            moveStock(core.ctx, {
              warehouseId: 1,
              skuId: 1,
              kind: 'reservation',
              reservedDelta: 1,
              reference: `race:${workerId}:${i}`,
              actor: `w${workerId}`,
            }),
          )
          .immediate();
        won++;
      } catch (e) {
        if (/CHECK constraint/.test(String(e))) refused++;
        else if (/SQLITE_BUSY|database is locked/.test(String(e))) busy++;
        else throw e;
      }
    }
  } else {
    const ids = JSON.parse(orderIdsJson ?? '[]') as number[];
    for (const id of ids) {
      const r = await core.call('routing.run', { ids: [id] }, { actor: `w${workerId}` });
      if (!r.ok) {
        if (r.error.code === 'unavailable') busy++;
        else throw new Error(r.error.message);
      } else {
        const v = r.value as { allocated: number[] };
        if (v.allocated.length) won++;
        else refused++;
      }
    }
  }
  core.close();
  process.send?.({ won, refused, busy });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
