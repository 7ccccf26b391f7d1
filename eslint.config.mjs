// Lint enforces the layering of DESIGN.md; tests/unit/import-rules.test.ts proves each rule bites.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const restrict = (patterns, paths = []) => ['error', { patterns, paths }];
// Exact names: as a gitignore pattern, a built-in like "domain" would also match "../domain/ids".
const builtinPaths = (message) => builtinModules.map((name) => ({ name, message }));

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'migrations/**',
      'test-output/**',
      'coverage/**',
      'tests/fixtures/insecure-electron/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.cjs', 'bin/**', 'build/**/*.mjs', 'tests/security/**/*.mjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src-shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict(
        [
          { group: ['node:*'], message: 'src-shared is pure TypeScript: no Node built-ins.' },
          {
            group: [
              'electron',
              'react',
              'react-dom',
              'react/*',
              'better-sqlite3',
              'drizzle-orm',
              'drizzle-orm/*',
            ],
            message: 'src-shared is pure TypeScript: no electron, React or database code.',
          },
          {
            group: ['**/src-main/**', '**/src-renderer/**', '**/src-main', '**/src-renderer'],
            message: 'src-shared imports nothing from the other source folders.',
          },
        ],
        builtinPaths('src-shared is pure TypeScript: no Node built-ins.'),
      ),
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'process',
        'require',
        '__dirname',
        'Buffer',
      ],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/app/**'],
    rules: {
      'no-restricted-imports': restrict([
        {
          group: ['electron', 'electron/*'],
          message: 'Only src-main/app may import electron: the core is plain Node.',
        },
        { group: ['**/src-renderer/**', '**/src-renderer'], message: 'src-main never imports the renderer.' },
      ]),
    },
  },
  {
    files: ['src-main/modules/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        {
          group: ['electron', 'electron/*'],
          message: 'Only src-main/app may import electron: the core is plain Node.',
        },
        { group: ['**/src-renderer/**', '**/src-renderer'], message: 'src-main never imports the renderer.' },
        {
          regex: '^\\.\\./[^./][^/]*/(?!.*\\.table$).+',
          message:
            'A module reaches another only through its index.ts (table files excepted, for foreign keys).',
        },
      ]),
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict(
        [
          {
            group: ['**/src-main/**', '**/src-main'],
            message: 'The renderer never imports src-main: talk to it through the contract.',
          },
          {
            group: ['electron', 'electron/*', 'node:*'],
            message: 'The renderer runs sandboxed: no electron or Node built-ins.',
          },
        ],
        builtinPaths('The renderer runs sandboxed: no Node built-ins.'),
      ),
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
