import { must, UsageError, type Command } from '../cli-env';

interface RunResult {
  considered: number;
  allocated: number[];
  backordered: number[];
  exception: number[];
  split: number[];
}

export const routeCommand: Command = {
  name: 'route',
  usage: 'route run',
  summary: 'allocate every approved order: warehouse, carrier and stock reservation',
  async run(args, env) {
    const [sub, ...rest] = args;
    if (sub !== 'run') throw new UsageError(sub ? `unknown subcommand "route ${sub}"` : 'route needs a subcommand: run');
    if (rest.length) throw new UsageError(`route run takes no arguments, got "${rest.join(' ')}"`);
    const started = performance.now();
    const r = await must<RunResult>(env.core().call('routing.run', {}, { actor: 'cli' }));
    const seconds = (performance.now() - started) / 1000;
    // Counts for every outcome; ids only where someone has to act on them.
    const doc = {
      considered: r.considered,
      allocated: r.allocated.length,
      backordered: r.backordered.length,
      exception: r.exception.length,
      backorderedIds: r.backordered,
      exceptionIds: r.exception,
      seconds: Number(seconds.toFixed(3)),
    };
    env.print(doc, () =>
      [
        `Routed ${r.considered} approved orders in ${seconds.toFixed(2)} s`,
        `  allocated    ${r.allocated.length}`,
        `  backordered  ${r.backordered.length}${r.backordered.length ? `  (${r.backordered.slice(0, 20).join(', ')}${r.backordered.length > 20 ? ', …' : ''})` : ''}`,
        `  exception    ${r.exception.length}${r.exception.length ? `  (${r.exception.slice(0, 20).join(', ')}${r.exception.length > 20 ? ', …' : ''}; see orders show ID)` : ''}`,
      ].join('\n'),
    );
    return 0;
  },
};
