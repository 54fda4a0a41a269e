import {mkdtempSync, openSync, writeSync, closeSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {basename, join} from 'node:path'
import {fileURLToPath} from 'node:url'

const CORPUS = fileURLToPath(new URL('../../corpus/', import.meta.url))

/** A hostile or malformed manifest input: a corpus file, a file generated at test time, or stdin. */
export interface ManifestInput {
  name: string
  /** The path given to -f (`-` for stdin). */
  path(): string
  stdin?: string
  /** How the message names the input: the file's name, or <stdin>. */
  named: string
  /** What the message must say about the problem. */
  problem: RegExp
}

function corpusFile(file: string, problem: RegExp, name = file): ManifestInput {
  return {name, path: () => join(CORPUS, file), named: file, problem}
}

const generatedDirectory = mkdtempSync(join(tmpdir(), 'reliability-corpus-'))

/** Written on first use and reused by every command that reads it. */
function generatedFile(file: string, write: (path: string) => void, problem: RegExp, name: string): ManifestInput {
  const path = join(generatedDirectory, file)
  let written = false
  return {
    name,
    path() {
      if (!written) write(path)
      written = true
      return path
    },
    named: basename(path),
    problem,
  }
}

/** 65 MiB of one valid document's padding: just past core's 64 MiB cap (DEFAULT_MAX_MANIFEST_BYTES). */
function writeHugeYaml(path: string): void {
  const fd = openSync(path, 'w')
  const line = `# ${'x'.repeat(1021)}\n`
  const chunk = line.repeat(1024)
  writeSync(fd, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: huge}\n')
  for (let mebibyte = 0; mebibyte < 65; mebibyte++) writeSync(fd, chunk)
  closeSync(fd)
}

export const MANIFEST_INPUTS: readonly ManifestInput[] = [
  corpusFile('broken-flow-mapping.yaml', /flow map|must be sufficiently indented/i, 'broken YAML (unclosed flow mapping)'),
  corpusFile('tab-indented.yaml', /tab/i, 'tab indentation'),
  corpusFile('duplicate-keys.yaml', /keys must be unique/i, 'duplicate keys'),
  corpusFile('truncated.json', /:1:/, 'truncated JSON'),
  corpusFile('alias-bomb.yaml', /billion laughs|aliases/i, 'YAML alias bomb'),
  corpusFile('scalar-document.yaml', /scalar/i, 'a scalar instead of an object'),
  corpusFile('no-kind.yaml', /kind/, 'no kind'),
  corpusFile('list-of-garbage.yaml', /items|mapping|object/i, 'a List of non-objects'),
  corpusFile('unknown-kind.yaml', /Potato/, 'unknown kind'),
  corpusFile('unknown-apiversion.yaml', /apps\/v999/, 'unknown apiVersion'),
  generatedFile('non-utf8.yaml', (path) => writeFileSync(path, Buffer.from([...Buffer.from('apiVersion: v1\nkind: Pod\nmetadata: {name: '), 0xc3, 0x28, 0xff, 0xfe, 0x0a])), /UTF-8/, 'non-UTF-8 bytes'),
  generatedFile('utf16.yaml', (path) => writeFileSync(path, Buffer.from('\ufeffapiVersion: v1\nkind: Pod\n', 'utf16le')), /UTF-16/, 'UTF-16 text'),
  generatedFile('huge.yaml', writeHugeYaml, /too big|too large|MiB|bytes/i, 'huge YAML (65 MiB)'),
  generatedFile('deeply-nested.yaml', (path) => writeFileSync(path, `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: ${'['.repeat(20_000)}`), /:4:|nest|deep|flow/i, 'deeply nested flow sequences'),
  {name: 'empty stdin', path: () => '-', stdin: '', named: '<stdin>', problem: /no object|empty|nothing/i},
]

/** Objects with a field value the command must refuse (corpus/); only commands that interpret that field read them. */
export const POLICY_INPUTS: readonly ManifestInput[] = [
  corpusFile('invalid-label-selector.yaml', /Sometimes/, 'invalid label selector operator'),
  corpusFile('invalid-cidr.yaml', /10\.0\.0\.0\/33/, 'invalid CIDR'),
  corpusFile('invalid-port.yaml', /70000/, 'port out of range'),
  corpusFile('invalid-protocol.yaml', /ICMP/, 'unsupported protocol'),
]

export const WORKLOAD_INPUTS: readonly ManifestInput[] = [
  corpusFile('invalid-quantity.yaml', /12x/, 'invalid quantity'),
  corpusFile('name-not-dns-label.yaml', /Bad_Name!/, 'a name that is not a DNS subdomain'),
]
