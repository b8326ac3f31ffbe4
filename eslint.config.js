// ESLint flat config: typescript-eslint's type-aware rules plus the layer boundaries of
// docs/architecture.md (the domain layer is pure and imports nothing from the rest of the app).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'data', 'build', 'coverage', 'drizzle', '.react-router'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through src/config.ts only.',
        },
      ],
    },
  },
  {
    files: ['src/config.ts', 'test/**', 'bench/**', 'scripts/**', '*.config.*', '**/*.test.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // The domain layer is pure: no I/O, no database, no HTTP, no clock of its own.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/features/**',
                '**/db/**',
                '**/server/**',
                '**/cli/**',
                '**/jobs/**',
                '**/web/**',
                '**/config*',
              ],
              message: 'src/domain must not import from other layers.',
            },
            {
              group: [
                'node:*',
                'fs',
                'path',
                'http',
                'https',
                'net',
                'child_process',
                'pg',
                '@electric-sql/*',
                'drizzle-orm*',
                'hono*',
                'pino',
              ],
              message: 'src/domain is pure: no I/O modules.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', console: 'readonly' },
    },
  },
);
