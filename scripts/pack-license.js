// prepack/postpack of each published package: npm ships a LICENSE only from the package's own
// directory (and follows no symlink), so the repository's LICENSE is copied in for `pnpm pack` /
// `pnpm publish` and removed afterwards. Run from the package directory: `node ../../scripts/pack-license.js [--remove]`.
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const license = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../LICENSE')
const copy = path.resolve('LICENSE')
if (process.argv.includes('--remove')) fs.rmSync(copy, {force: true})
else fs.copyFileSync(license, copy)
