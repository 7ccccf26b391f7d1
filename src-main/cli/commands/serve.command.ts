import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { appRoot } from '../../adapters/db/paths';
import { hasLanToken, issueLanToken } from '../../modules/auth';
import { isLoopback, startServer } from '../../server/http-server';
import { UsageError, type Command } from '../cli-env';

export const serveCommand: Command = {
  name: 'serve',
  usage: 'serve [--host 127.0.0.1] [--port 4780] [--new-token]',
  summary: 'UI + API for browsers on this machine or the LAN',
  async run(args, env) {
    const { values } = parseArgs({
      args,
      options: {
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string', default: '4780' },
        'new-token': { type: 'boolean' },
      },
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`--port must be 0–65535, got "${values.port}"`);
    const host = values.host;
    const core = env.core();
    const requireToken = !isLoopback(host);
    let newToken: string | null = null;
    if (requireToken && (values['new-token'] || !hasLanToken(core.ctx))) newToken = issueLanToken(core.ctx);
    const server = await startServer({
      core,
      host,
      port,
      staticDir: join(appRoot(), 'dist', 'renderer'),
      requireToken,
    });
    // A long-running host: prints queued jobs and pulls channels whose credentials it can read.
    core.startBackgroundWork();
    // The first line is a contract: tests and scripts read the URL from it.
    process.stdout.write(
      env.json
        ? JSON.stringify({
            url: server.url,
            port: server.port,
            tokenRequired: requireToken,
            token: newToken,
          }) + '\n'
        : `Packdesk is serving on ${server.url}\n`,
    );
    if (!env.json && requireToken) {
      process.stdout.write(
        newToken
          ? `LAN access token (shown once, stored only as a hash): ${newToken}\nOpen ${server.url}?token=${newToken} on a handheld or tablet.\n`
          : 'LAN access needs the token printed when it was issued; run with --new-token to issue a new one.\n',
      );
    }
    await new Promise<void>((resolve) => {
      const stop = () => void server.close().then(resolve);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
};
