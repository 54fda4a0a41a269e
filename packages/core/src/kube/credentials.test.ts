import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {KubelineError} from '../errors/kubeline-error.js'
import {prepareTarget} from './credentials.js'
import type {KubeTarget} from './kubeconfig/resolve-target.js'

const b64 = (text: string) => Buffer.from(text).toString('base64')

function target(cluster: Partial<KubeTarget['cluster']>, user: KubeTarget['user']): KubeTarget {
  return {
    contextName: 'c',
    clusterName: 'c',
    userName: 'u',
    cluster: {server: 'https://k8s.example:6443', ...cluster},
    user,
    namespace: 'default',
    namespaceExplicit: false,
  }
}

async function optionsFor(t: KubeTarget) {
  return await (await prepareTarget(t))()
}

describe('credentials without client-node', () => {
  test('token, CA data and client certificate data become TLS options and a Bearer header', async () => {
    const options = await optionsFor(
      target({'certificate-authority-data': b64('CA PEM')}, {token: 'tok-123456', 'client-certificate-data': b64('CERT PEM'), 'client-key-data': b64('KEY PEM')}),
    )
    expect(options.headers).toEqual({Authorization: 'Bearer tok-123456'})
    expect(String(options.ca)).toBe('CA PEM')
    expect(String(options.cert)).toBe('CERT PEM')
    expect(String(options.key)).toBe('KEY PEM')
    expect(options.rejectUnauthorized).toBeUndefined()
  })

  test('reads keep connections alive; writes use fresh ones, so an idle-close race can never reset a write', async () => {
    const options = await optionsFor(target({}, {token: 'tok-123456'}))
    expect((options.agent as {keepAlive?: boolean}).keepAlive).toBe(true)
    expect((options.writeAgent as {keepAlive?: boolean} | undefined)?.keepAlive).toBe(false)
  })

  test('files win over data; basic auth; tls-server-name', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cred-'))
    fs.writeFileSync(path.join(dir, 'ca.crt'), 'CA FROM FILE')
    const options = await optionsFor(
      target({'certificate-authority': path.join(dir, 'ca.crt'), 'certificate-authority-data': b64('ignored'), 'tls-server-name': 'api.internal'}, {username: 'admin', password: 'pa55word'}),
    )
    expect(String(options.ca)).toBe('CA FROM FILE')
    expect(options.servername).toBe('api.internal')
    expect(options.headers).toEqual({Authorization: `Basic ${b64('admin:pa55word')}`})
  })

  test('--insecure-skip-tls-verify turns verification off and drops the CA', async () => {
    const options = await optionsFor(target({'insecure-skip-tls-verify': true, 'certificate-authority-data': b64('CA')}, {}))
    expect(options.rejectUnauthorized).toBe(false)
    expect(options.ca).toBeUndefined()
    expect(options.headers).toEqual({})
  })

  test('a CA file that cannot be read is INVALID_KUBECONFIG naming it', async () => {
    const missing = path.join(os.tmpdir(), 'no-such-ca.crt')
    const err = await prepareTarget(target({'certificate-authority': missing}, {})).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(KubelineError)
    expect((err as KubelineError).code).toBe('INVALID_KUBECONFIG')
    expect((err as KubelineError).message).toBe(`cannot read certificate-authority "${missing}" from the kubeconfig: ENOENT`)
  })
})
