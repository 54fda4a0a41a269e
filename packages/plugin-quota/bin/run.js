#!/usr/bin/env node
// The kubectl plugin's entry point. Kept outside the bundle because oclif
// reads package.json and this file from disk.
import {checkNodeVersion, enableCompileCache} from '@kubeline/core/startup'

checkNodeVersion()
enableCompileCache()
const {execute} = await import('@oclif/core')
await execute({dir: import.meta.url})
