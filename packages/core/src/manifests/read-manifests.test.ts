import {mkdir, mkdtemp, rm, symlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {Readable} from 'node:stream'
import {describe, expect, onTestFinished, test} from 'vitest'
import {KubelineError} from '../errors/kubeline-error.js'
import {readManifests} from './read-manifests.js'

const configMap = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`

async function tree(files: Record<string, string | Uint8Array>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'kubeline-manifests-'))
  onTestFinished(() => rm(root, {recursive: true, force: true}))
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), {recursive: true})
    await writeFile(join(root, path), content)
  }
  return root
}

async function readError(...args: Parameters<typeof readManifests>): Promise<KubelineError> {
  const error: unknown = await readManifests(...args).then(
    () => new Error('expected readManifests to reject'),
    (rejection: unknown) => rejection,
  )
  if (error instanceof KubelineError) return error
  throw error
}

const names = (objects: Awaited<ReturnType<typeof readManifests>>) => objects.map((o) => o.object.metadata.name)

describe('readManifests', () => {
  test('walks directories recursively in name order, skipping hidden and foreign files', async () => {
    const root = await tree({
      'b.yaml': configMap('b'),
      'a.yml': configMap('a'),
      'nested/c.json': JSON.stringify({apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'c'}}),
      'nested/deeper/d.YAML': configMap('d'),
      'notes.txt': configMap('txt'),
      '.hidden.yaml': configMap('hidden'),
      '.git/e.yaml': configMap('git'),
    })
    const objects = await readManifests([root])
    expect(names(objects)).toEqual(['a', 'b', 'c', 'd'])
    expect(objects[2]?.source).toEqual({file: join(root, 'nested/c.json'), document: 0, line: 1})
  })

  test('reads an explicitly named file whatever its extension, keeping argument order', async () => {
    const root = await tree({'z.txt': configMap('z'), 'a.yaml': configMap('a')})
    expect(names(await readManifests([join(root, 'z.txt'), join(root, 'a.yaml')]))).toEqual(['z', 'a'])
  })

  test('follows symlinks without looping', async () => {
    const root = await tree({'dir/a.yaml': configMap('a')})
    await symlink(join(root, 'dir'), join(root, 'dir', 'loop'))
    expect(names(await readManifests([root]))).toEqual(['a'])
  })

  test('reads "-" from stdin, once, as <stdin>', async () => {
    const root = await tree({'a.yaml': configMap('a')})
    const stdin = Readable.from([Buffer.from(configMap('in')), '---\n', configMap('in2')])
    const objects = await readManifests([join(root, 'a.yaml'), '-'], {stdin})
    expect(names(objects)).toEqual(['a', 'in', 'in2'])
    expect(objects[2]?.source).toEqual({file: '<stdin>', document: 1, line: 6})
  })

  test('strips a UTF-8 byte order mark', async () => {
    const root = await tree({'bom.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(configMap('bom'))])})
    expect(names(await readManifests([root]))).toEqual(['bom'])
  })

  test.each([
    {name: 'empty stdin', setup: async () => ({paths: ['-'], stdin: Readable.from([])}), message: /^<stdin>: no objects found/},
    {
      name: 'a file of empty documents',
      setup: async () => ({paths: [join(await tree({'e.yaml': '---\n# nothing\n---\n'}), 'e.yaml')]}),
      message: /e\.yaml: no objects found/,
    },
    {name: 'no paths', setup: async () => ({paths: []}), message: /^no manifests given$/},
    {name: 'stdin twice', setup: async () => ({paths: ['-', '-']}), message: /can be read only once/},
    {name: 'missing file', setup: async () => ({paths: ['/nonexistent/app.yaml']}), message: /^the path "\/nonexistent\/app\.yaml" does not exist$/},
    // kubectl -f reads URLs; kubeline reads no network but the cluster's, so it says so rather than "does not exist".
    {name: 'a URL', setup: async () => ({paths: ['https://example.com/app.yaml']}), message: /^-f "https:\/\/example\.com\/app\.yaml": URLs are not read, only files, directories and - \(stdin\)$/},
    {
      name: 'a directory without manifests',
      setup: async () => {
        const root = await tree({'readme.md': '# hi'})
        return {paths: [root], where: root}
      },
      message: /: no \.yaml, \.yml or \.json files in this directory$/,
    },
    {
      name: 'invalid UTF-8 on line 3',
      setup: async () => ({paths: [join(await tree({'bad.yaml': Buffer.from('apiVersion: v1\nkind: Pod\nname: caf\xe9\n', 'latin1')}), 'bad.yaml')]}),
      message: /bad\.yaml:3: not valid UTF-8 text$/,
    },
    {
      name: 'UTF-16 text',
      setup: async () => ({paths: [join(await tree({'u16.yaml': Buffer.from('\ufeffkind: Pod\n', 'utf16le')}), 'u16.yaml')]}),
      message: /u16\.yaml:1: UTF-16 text is not supported, only UTF-8$/,
    },
    {
      name: 'a malformed file in a directory',
      setup: async () => ({paths: [await tree({'a.yaml': configMap('a'), 'b.yaml': 'apiVersion: v1\nkind: [\n'})]}),
      message: /b\.yaml:3: /,
    },
  ])('$name is INVALID_MANIFEST', async ({setup, message}) => {
    const {paths, stdin} = {stdin: undefined, ...(await setup())}
    const error = await readError(paths, {stdin})
    expect(error.code).toBe('INVALID_MANIFEST')
    expect(error.exitCode).toBe(2)
    expect(error.message).toMatch(message)
  })

  test('caps the total size over all inputs', async () => {
    const root = await tree({'a.yaml': configMap('a'), 'b.yaml': configMap('b')})
    const total = 2 * configMap('a').length
    await expect(readManifests([root], {maxBytes: total})).resolves.toHaveLength(2)
    const error = await readError([root], {maxBytes: total - 1})
    expect(error.message).toBe(`${join(root, 'b.yaml')}: manifests larger than the ${total - 1} bytes limit`)
  })

  test('stops reading stdin once the cap is crossed', async () => {
    let chunksRead = 0
    const endless = Readable.from(
      (function* () {
        for (;;) {
          chunksRead++
          yield Buffer.alloc(1024, 0x20)
        }
      })(),
    )
    const error = await readError(['-'], {stdin: endless, maxBytes: 10 * 1024})
    expect(error.message).toBe('<stdin>: manifests larger than the 10240 bytes limit')
    expect(chunksRead).toBeLessThan(100)
  })

  test('states the default cap in MiB', async () => {
    const error = await readError(['-'], {stdin: Readable.from([Buffer.alloc(64 * 1024 * 1024 + 1, 0x20)])})
    expect(error.message).toBe('<stdin>: manifests larger than the 64 MiB limit')
  })
})
