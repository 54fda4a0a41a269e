#!/usr/bin/env node
// kubectl_complete-<plugin>: kubectl (1.26+) runs it with the words typed after the plugin name when TAB is pressed.
const {startPlugin} = await import('../dist/bundle/run.js')
await startPlugin(import.meta.url, ['__complete', ...process.argv.slice(2)])
