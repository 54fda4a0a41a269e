/** `pnpm krew`: node dist/krew/krew-cli.js [--out DIR] [--release-url URL] [--homepage URL] */
import path from 'node:path'
import {parseArgs} from 'node:util'
import {writeKrewManifests} from './write-krew-manifests.js'

const {values} = parseArgs({options: {out: {type: 'string'}, 'release-url': {type: 'string'}, homepage: {type: 'string'}}})
const root = path.resolve(import.meta.dirname, '../../../..')
try {
  const files = await writeKrewManifests({root, outDir: values.out, releaseUrl: values['release-url'], homepage: values.homepage})
  for (const file of files) process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`)
} catch (err) {
  process.stderr.write(`error: ${(err as Error).message}\n`)
  process.exitCode = 1
}
