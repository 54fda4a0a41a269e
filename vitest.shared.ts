// Shared vitest settings: resolve workspace packages from their TypeScript
// sources (the "kubeline-source" export condition) so unit tests never need a
// prior build. E2E tests spawn the built binaries instead. Timeouts are generous
// because CI machines have two cores and the suites run side by side; tests
// that measure time assert their own bounds.
import {defineConfig} from 'vitest/config'

export function packageTestConfig(options: {testTimeout?: number} = {}): ReturnType<typeof defineConfig> {
  return defineConfig({
    resolve: {conditions: ['kubeline-source', 'import', 'node', 'default']},
    ssr: {resolve: {conditions: ['kubeline-source', 'import', 'node', 'default']}},
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      testTimeout: options.testTimeout ?? 60_000,
      hookTimeout: 120_000,
      server: {deps: {inline: [/@kubeline\//]}},
    },
  })
}
