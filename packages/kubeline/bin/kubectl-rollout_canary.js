#!/usr/bin/env node
// npm puts on PATH the bins of the package installed with -g, not those of its dependencies.
await import('@kubeline/plugin-rollout/bin/run.js')
