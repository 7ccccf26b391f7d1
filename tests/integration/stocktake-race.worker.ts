// Forked by stocktake-race.test.ts: a router allocating orders, or a clerk posting counts and
// corrections, in its own process against the same database.
import { createCore } from '../../src-main/compose';

const [dbPath, mode, payload] = process.argv.slice(2) as [string, string, string];
const core = createCore({ dbPath });

async function main(): Promise<void> {
  const tally = { ok: 0, refused: 0, busy: 0, codes: [] as string[] };
  const note = (r: { ok: boolean; error?: { code: string } }) => {
    if (r.ok) tally.ok++;
    else if (r.error!.code === 'unavailable') tally.busy++;
    else {
      tally.refused++;
      tally.codes.push(r.error!.code);
    }
  };
  if (mode === 'routing') {
    for (const id of JSON.parse(payload) as number[])
      note(await core.call('routing.run', { ids: [id] }, { actor: 'router' }));
  } else {
    // The clerk finds 20 on the shelf again and again, and writes one off now and then.
    for (let i = 0; i < Number(payload); i++) {
      note(
        await core.call(
          'inventory.stocktake',
          { warehouse: 'SH', counts: [{ sku: 'TEE', counted: 20 }] },
          { actor: 'clerk' },
        ),
      );
      if (i % 3 === 0)
        note(
          await core.call(
            'inventory.adjust',
            { warehouse: 'SH', sku: 'TEE', delta: -1, reason: 'damaged' },
            { actor: 'clerk' },
          ),
        );
    }
  }
  core.close();
  process.send?.(tally);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
