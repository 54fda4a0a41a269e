#!/usr/bin/env node
// The kubectl plugin's entry point. Kept outside the bundle because oclif
// reads package.json and this file from disk; the rest is dist/bundle/ (scripts/bundle.js).
// start.cjs is CommonJS: a command that runs without oclif starts without an ES module graph.
import {createRequire} from 'node:module'
await createRequire(import.meta.url)('../dist/bundle/start.cjs').startFront(import.meta.url)
