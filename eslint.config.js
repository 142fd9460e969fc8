// ESLint: typescript-eslint's recommended rules with types, React hooks and jsx-a11y for the web
// app, Prettier for layout (eslint-config-prettier turns off the rules it owns). `npm run lint`
// runs this and Prettier's check with zero warnings allowed.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'var/', 'coverage/', 'data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Types flow from the contracts and the table types; `any` would stop them silently.
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // A migration is written against the schema as it was then, not today's table types: Kysely's
    // migration API takes `Kysely<any>` for that reason (and migrations never import app code).
    files: ['src/db/migrations/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // ARCHITECTURE.md: the environment is read in src/config and handed in from the command line's
    // entry point; everything else gets its settings as arguments.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/config/**', 'src/cli/main.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Settings come from src/config (parsed once at start).' },
      ],
    },
  },
  {
    // ARCHITECTURE.md: route modules and use cases reach db/ through repositories, and the Db and
    // table types; never migrations, the dataset loader, backups or the code that opens a database.
    files: ['src/server/modules/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '/db/(?!repositories/|database\\.js$|schema\\.js$)',
              message: 'server/modules use db/repositories (and the Db and table types), not db internals.',
            },
            {
              regex: '/db/(database|schema)\\.js$',
              allowTypeImports: true,
              message: 'Only the Db and table types from db/database.js and db/schema.js.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: { ...reactHooks.configs.recommended.rules, ...jsxA11y.flatConfigs.recommended.rules },
  },
  prettier,
);
