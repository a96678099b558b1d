// One ESLint config for every workspace (type-aware rules stay off to keep `npm run check` fast).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'packages/grader/test/fixtures/**',
      'packages/grader/test/content/**',
      '**/node_modules/**',
      '**/dist/**',
      '**/.next/**',
      'apps/api/src/generated/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
      'apps/web/next-env.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Learner-form solutions (starters, wrong answers, fixtures) declare a global function that is never called here.
    files: [
      'packages/problems/problems/**/starter.ts',
      'packages/problems/problems/**/wrong/**',
      'packages/grader/test/fixtures/**',
      'packages/problems/test/fixtures/**/starter.ts',
      'apps/api/test/fixtures/**/starter.ts',
    ],
    rules: { '@typescript-eslint/no-unused-vars': 'off', 'no-unused-vars': 'off' },
  },
);
