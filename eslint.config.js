// One lint config for the workspace. The restricted-import rules keep the
// architecture true: only core's kube layer talks to client-node, and no plugin
// or core module depends on the sandbox at runtime.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {ignores: ['**/dist/**', '**/node_modules/**', '**/coverage/**', '**/.turbo/**', '**/oclif.manifest.json']},
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly',
        clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', AbortController: 'readonly',
        AbortSignal: 'readonly', TextDecoder: 'readonly', TextEncoder: 'readonly', setImmediate: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_'}],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': ['error', {
        paths: [{name: '@kubernetes/client-node', message: 'Only packages/core/src/kube/ may import client-node; use @kubeline/core.'}],
      }],
    },
  },
  {
    files: ['packages/core/src/kube/**/*.ts'],
    rules: {'no-restricted-imports': 'off'},
  },
  {
    // CommonJS on purpose (a bench case that must load node:https as main.cjs does).
    files: ['**/*.cjs'],
    languageOptions: {sourceType: 'commonjs', globals: {require: 'readonly', module: 'writable', __dirname: 'readonly'}},
    rules: {'@typescript-eslint/no-require-imports': 'off'},
  },
  {
    files: ['packages/*/src/**/*.ts'],
    ignores: ['packages/sandbox/**', '**/*.test.ts', '**/test-support/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          {name: '@kubernetes/client-node', message: 'Only packages/core/src/kube/ may import client-node; use @kubeline/core.'},
          {name: '@kubeline/sandbox', message: 'The sandbox is test infrastructure, never a runtime dependency.'},
        ],
      }],
    },
  },
  {
    files: ['packages/*/src/**/domain/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error',
        {name: 'process', message: 'The domain is pure: pass what you need as a parameter.'},
        {name: 'console', message: 'The domain is pure: return data, let render/ print it.'},
      ],
      'no-restricted-syntax': ['error', {selector: "MemberExpression[object.name='Date'][property.name='now']", message: 'The domain takes the time as a parameter.'}],
    },
  },
  {
    files: ['packages/core/src/kube/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {paths: [{name: '@kubeline/sandbox', message: 'The sandbox is test infrastructure.'}]}],
    },
  },
)
