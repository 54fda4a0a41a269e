import {mergeConfig} from 'vitest/config'
import {packageTestConfig} from '../../vitest.shared.js'

// Each test spawns built binaries against a sandbox of its own and partly waits on them
// (retry delays, pauses), so two files run side by side and four tests within each; more only
// makes the processes compete for the two cores.
export default mergeConfig(packageTestConfig({testTimeout: 180_000}), {test: {maxWorkers: 2, maxConcurrency: 4}})
