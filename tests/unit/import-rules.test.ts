import { ESLint } from 'eslint';

// Lints small snippets as if they lived at the given paths, so each layering rule is shown to fail.
const eslint = new ESLint({ cwd: process.cwd() });
async function ruleIdsFor(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('import rules of DESIGN.md', () => {
  test.each([
    ['src-shared/domain/x.ts', "import { readFileSync } from 'node:fs'; export const a = readFileSync;"],
    ['src-shared/domain/x.ts', "import fs from 'fs'; export const a = fs;"],
    ['src-shared/domain/x.ts', "import { app } from 'electron'; export const a = app;"],
    [
      'src-shared/domain/x.ts',
      "import { createCore } from '../../src-main/compose'; export const a = createCore;",
    ],
    ['src-shared/domain/x.ts', "import React from 'react'; export const a = React;"],
    ['src-main/modules/orders/x.ts', "import { app } from 'electron'; export const a = app;"],
    ['src-main/adapters/db/x.ts', "import { app } from 'electron'; export const a = app;"],
    [
      'src-main/modules/orders/x.ts',
      "import { listChannels } from '../channels/channels.repo'; export const a = listChannels;",
    ],
    [
      'src-renderer/features/x.ts',
      "import { createCore } from '../../src-main/compose'; export const a = createCore;",
    ],
    ['src-renderer/features/x.ts', "import { readFileSync } from 'node:fs'; export const a = readFileSync;"],
  ])('%s may not: %s', async (path, code) => {
    expect(await ruleIdsFor(path, code)).toContain('no-restricted-imports');
  });

  test('src-shared may not touch DOM or Node globals', async () => {
    expect(await ruleIdsFor('src-shared/domain/x.ts', 'export const w = window.innerWidth;')).toContain(
      'no-restricted-globals',
    );
    expect(await ruleIdsFor('src-shared/domain/x.ts', 'export const e = process.env;')).toContain(
      'no-restricted-globals',
    );
  });

  test.each([
    [
      'src-shared/contract/x.ts',
      "import { ORDER_STATUSES } from '../domain/order-status'; export const a = ORDER_STATUSES;",
    ],
    [
      'src-main/modules/orders/x.ts',
      "import { listChannels } from '../channels'; export const a = listChannels;",
    ],
    [
      'src-main/modules/orders/x.ts',
      "import { channels } from '../channels/channels.table'; export const a = channels;",
    ],
    ['src-main/app/x.ts', "import { app } from 'electron'; export const a = app;"],
    [
      'src-renderer/features/x.ts',
      "import { contract } from '../../src-shared/contract'; export const a = contract;",
    ],
  ])('%s may: %s', async (path, code) => {
    expect(await ruleIdsFor(path, code)).not.toContain('no-restricted-imports');
  });
});
