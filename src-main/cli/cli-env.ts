import { existsSync, statSync } from 'node:fs';
import { createCore, type Core } from '../compose';
import { AppFailure } from '../../src-shared/result';

/** What every command gets: global options, output helpers and the core on demand. */
export interface CliEnv {
  dbPath: string;
  json: boolean;
  /** Opens (creating and migrating) the database; closed by the runner after the command. */
  core(): Core;
  /** Prints the one JSON document in --json mode, else the human text. */
  print(doc: unknown, text: () => string): void;
  info(line: string): void;
}

export interface Command {
  name: string;
  usage: string;
  summary: string;
  run(args: string[], env: CliEnv): Promise<number>;
}

/** A mistake in how the command was called: exit code 2 and the usage line. */
export class UsageError extends Error {}

export function makeEnv(dbPath: string, json: boolean): CliEnv & { dispose(): void } {
  let core: Core | undefined;
  return {
    dbPath,
    json,
    core: () => (core ??= openCore(dbPath)),
    print(doc, text) {
      process.stdout.write(json ? JSON.stringify(doc, null, 2) + '\n' : text() + '\n');
    },
    info(line) {
      if (!json) process.stdout.write(line + '\n');
    },
    dispose() {
      core?.close();
    },
  };
}

/** Unwraps a core Result for the CLI: an error becomes an AppFailure with the same code. */
export async function must<T>(
  p: Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>,
): Promise<T> {
  const r = await p;
  if (!r.ok) throw new AppFailure((r.error?.code ?? 'internal') as never, r.error?.message ?? 'failed');
  return r.value as T;
}

/** The core on `dbPath`, or an error naming the file when it cannot be the database (a folder, a CSV). */
function openCore(dbPath: string): Core {
  try {
    return createCore({ dbPath });
  } catch (e) {
    if (e instanceof AppFailure) throw e;
    const why =
      existsSync(dbPath) && statSync(dbPath).isDirectory() ? 'it is a folder' : (e as Error).message;
    throw new AppFailure('invalid_input', `cannot open the database ${dbPath}: ${why}`);
  }
}
