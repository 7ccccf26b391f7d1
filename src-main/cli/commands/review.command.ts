import { must, UsageError, type Command } from '../cli-env';

interface RunResult {
  approved: number;
  held: number;
  blocked: number;
  unchanged: number;
  seconds: number;
}

export const reviewCommand: Command = {
  name: 'review',
  usage: 'review run',
  summary: 'apply the review rules to every order waiting for review',
  async run(args, env) {
    const [sub, ...rest] = args;
    if (sub !== 'run')
      throw new UsageError(sub ? `unknown subcommand "review ${sub}"` : 'review needs a subcommand: run');
    if (rest.length) throw new UsageError(`review run takes no arguments, got "${rest.join(' ')}"`);
    const r = await must<RunResult>(env.core().call('review.run', {}, { actor: 'cli' }));
    const doc = {
      approved: r.approved,
      held: r.held,
      blocked: r.blocked,
      unchanged: r.unchanged,
      seconds: r.seconds,
    };
    env.print(doc, () =>
      [
        `Reviewed ${r.approved + r.held + r.blocked + r.unchanged} pending orders in ${r.seconds.toFixed(2)} s`,
        `  approved   ${r.approved}`,
        `  held       ${r.held}`,
        `  blocked    ${r.blocked}  (held with a block reason)`,
        `  unchanged  ${r.unchanged}  (no rule decided: still pending_review)`,
      ].join('\n'),
    );
    return 0;
  },
};
