// typescript-eslint's type-checked recommended rules on every folder with code, then the layering rules
// (docs/architecture.md, "Layers"): the shared core stays pure and browser-safe.
import tseslint from 'typescript-eslint';

const banned = {
  patterns: [
    { group: ['node:*'], message: 'src/ core must not import Node modules.' },
    {
      group: ['preact', 'preact/*', 'fhirclient', 'fhirclient/*', 'fastify', 'fastify/*', '@fastify/*', 'pino'],
      message: 'src/reasoning, src/fhir, src/model and src/cds-hooks must not import framework or I/O code.',
    },
    { group: ['**/hooks-service/**', '**/demo/**', '**/app/**'], message: 'The core never depends on its consumers.' },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-service/**',
      'node_modules/**',
      'data/**',
      'test-output/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname } },
    rules: {
      // `async` on a function without `await` is deliberate here: it implements a Promise-returning contract
      // (store drivers, Fastify hooks, fetch stand-ins), and a throw inside must become a rejection, not escape.
      '@typescript-eslint/require-await': 'off',
      // `const { dropped: _dropped, ...rest } = x` is how a field is left out; the underscore says "unused on purpose".
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Tests read real HTTP responses (`await res.json()` is `any`) and pick fields out to assert on; typing every
    // body would restate the schemas the tests check. The assertions are the type check here.
    files: ['test/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['src/reasoning/**/*.ts', 'src/fhir/**/*.ts', 'src/model/**/*.ts', 'src/cds-hooks/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', banned],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'fetch', 'localStorage', 'sessionStorage'],
      'no-console': 'error',
    },
  },
  {
    // The production service never depends on the demo or on the app (docs/architecture.md, "Layers").
    files: ['hooks-service/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/demo/**', '**/src/app/**', 'preact', 'preact/*', 'fhirclient', 'fhirclient/*'],
              message: 'hooks-service must not import the demo, the app or browser frameworks.',
            },
          ],
        },
      ],
      'no-console': 'error',
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}', 'launch/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'Browser code must not import Node modules.' },
            {
              group: ['**/hooks-service/**', '**/demo/**'],
              message: 'The app never depends on the service or the demo.',
            },
          ],
        },
      ],
    },
  },
);
