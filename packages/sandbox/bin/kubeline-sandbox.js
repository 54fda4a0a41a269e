#!/usr/bin/env node
import {checkNodeVersion} from '@kubeline/core/startup'

checkNodeVersion()
const {main} = await import('../dist/cli.js')
process.exitCode = await main(process.argv.slice(2))
