import { parseArgs } from 'node:util';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { AppFailure } from '../../../src-shared/result';
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
    const server = await startServer({
      core,
      host,
      port,
      staticDir: join(appRoot(), 'dist', 'renderer'),
      requireToken,
    }).catch((e: NodeJS.ErrnoException) => {
      throw new AppFailure('unavailable', listenProblem(e, host, port));
    });
    // Issued only once the port is ours: a start that fails must not replace the token unseen.
    let newToken: string | null = null;
    if (requireToken && (values['new-token'] || !hasLanToken(core.ctx))) newToken = issueLanToken(core.ctx);
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
          ? `LAN access token (shown once, stored only as a hash): ${newToken}\nOpen ${lanUrls(
              host,
              server.port,
            )
              .map((u) => `${u}?token=${newToken}`)
              .join(' or ')} on a handheld or tablet.\n`
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

/** Why the server could not listen, naming the address and what to do. */
function listenProblem(e: NodeJS.ErrnoException, host: string, port: number): string {
  if (e.code === 'EADDRINUSE')
    return `port ${port} on ${host} is already in use (is Packdesk already serving?); stop that program or choose another --port`;
  if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND')
    return `${host} is not an address of this machine; use 127.0.0.1, 0.0.0.0 (every network) or one of its own addresses`;
  if (e.code === 'EACCES') return `not allowed to listen on port ${port}; choose a port above 1023`;
  return `cannot listen on ${host}:${port}: ${e.message}`;
}

/** The addresses a handheld can reach: this machine's own IPv4 addresses when serving on all of them. */
function lanUrls(host: string, port: number): string[] {
  if (host !== '0.0.0.0' && host !== '::')
    return [`http://${host.includes(':') ? `[${host}]` : host}:${port}/`];
  const ips = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address);
  return ips.length ? ips.map((ip) => `http://${ip}:${port}/`) : [`http://<this-pc>:${port}/`];
}
