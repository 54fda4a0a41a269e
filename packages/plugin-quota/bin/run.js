#!/usr/bin/env node
// The kubectl plugin's entry point. Kept outside the bundle because oclif
// reads package.json and this file from disk; the rest is dist/bundle/ (scripts/bundle.js).
const {startPlugin} = await import('../dist/bundle/run.js')
await startPlugin(import.meta.url)
