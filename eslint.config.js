// Layering rules (docs/architecture.md, "Layers"): the shared core stays pure and browser-safe.
import tseslint from 'typescript-eslint';

const banned = {
  patterns: [
    { group: ['node:*'], message: 'src/ core must not import Node modules.' },
    { group: ['preact', 'preact/*', 'fhirclient', 'fhirclient/*', 'fastify', 'fastify/*', '@fastify/*', 'pino'],
      message: 'src/reasoning, src/fhir, src/model and src/cds-hooks must not import framework or I/O code.' },
    { group: ['**/hooks-service/**', '**/demo/**', '**/app/**'], message: 'The core never depends on its consumers.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'test-output/**'] },
  {
    files: ['src/reasoning/**/*.ts', 'src/fhir/**/*.ts', 'src/model/**/*.ts', 'src/cds-hooks/**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    rules: {
      'no-restricted-imports': ['error', banned],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'fetch', 'localStorage', 'sessionStorage'],
      'no-console': 'error',
    },
  },
  {
    // The production service never depends on the demo or on the app (docs/architecture.md, "Layers").
    files: ['hooks-service/**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/demo/**', '**/src/app/**', 'preact', 'preact/*', 'fhirclient', 'fhirclient/*'],
          message: 'hooks-service must not import the demo, the app or browser frameworks.' },
      ] }],
      'no-console': 'error',
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}', 'launch/**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['node:*'], message: 'Browser code must not import Node modules.' },
        { group: ['**/hooks-service/**', '**/demo/**'], message: 'The app never depends on the service or the demo.' },
      ] }],
    },
  },
);
