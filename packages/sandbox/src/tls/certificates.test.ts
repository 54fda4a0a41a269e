import {X509Certificate} from 'node:crypto'
import {createServer} from 'node:https'
import {connect} from 'node:tls'
import type {AddressInfo} from 'node:net'
import {expect, test} from 'vitest'
import {createSandboxCertificates} from './certificates.js'

test('issues a CA and a 127.0.0.1 server certificate that the CA verifies', () => {
  const {caCertificate, serverCertificate} = createSandboxCertificates()
  const ca = new X509Certificate(caCertificate)
  const server = new X509Certificate(serverCertificate)
  expect(ca.ca).toBe(true)
  expect(server.ca).toBe(false)
  expect(server.checkIssued(ca)).toBe(true)
  expect(server.verify(ca.publicKey)).toBe(true)
  expect(server.checkIP('127.0.0.1')).toBe('127.0.0.1')
  expect(server.checkHost('localhost')).toBe('localhost')
  expect(server.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1')
})

test('a TLS client that trusts only the CA accepts the server', async () => {
  const {caCertificate, serverCertificate, serverKey} = createSandboxCertificates()
  const server = createServer({cert: serverCertificate, key: serverKey}, (_req, res) => res.end('ok'))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as AddressInfo
  try {
    const authorized = await new Promise<boolean>((resolve, reject) => {
      const socket = connect({host: '127.0.0.1', port, ca: caCertificate}, () => {
        resolve(socket.authorized)
        socket.end()
      })
      socket.on('error', reject)
    })
    expect(authorized).toBe(true)
  } finally {
    server.close()
  }
})
