import {generateKeyPairSync, randomBytes, sign} from 'node:crypto'
import type {KeyObject} from 'node:crypto'
import * as der from './der.js'

/** PEM-encoded material for an HTTPS server and the CA its clients trust. */
export interface SandboxCertificates {
  caCertificate: string
  serverCertificate: string
  serverKey: string
}

const OID = {
  ecPublicKey: '1.2.840.10045.2.1',
  prime256v1: '1.2.840.10045.3.1.7',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extendedKeyUsage: '2.5.29.37',
  subjectAltName: '2.5.29.17',
  serverAuth: '1.3.6.1.5.5.7.3.1',
}

interface CertificateRequest {
  subject: string
  issuer: string
  publicKey: KeyObject
  signingKey: KeyObject
  extensions: der.Der[]
}

/**
 * A fresh CA and a server certificate for 127.0.0.1/localhost signed by it, valid for a
 * year. ECDSA P-256 keeps key generation to about a millisecond, so starting a sandbox stays fast.
 */
export function createSandboxCertificates(now = new Date()): SandboxCertificates {
  const ca = generateKeyPairSync('ec', {namedCurve: 'prime256v1'})
  const server = generateKeyPairSync('ec', {namedCurve: 'prime256v1'})
  const caCertificate = issue({
    subject: 'kubeline-sandbox-ca',
    issuer: 'kubeline-sandbox-ca',
    publicKey: ca.publicKey,
    signingKey: ca.privateKey,
    extensions: [basicConstraints(true), keyUsage(0x06)], // keyCertSign, cRLSign
  }, now)
  const serverCertificate = issue({
    subject: 'kubeline-sandbox',
    issuer: 'kubeline-sandbox-ca',
    publicKey: server.publicKey,
    signingKey: ca.privateKey,
    extensions: [basicConstraints(false), keyUsage(0xa0), serverAuthUsage(), loopbackNames()], // digitalSignature, keyEncipherment
  }, now)
  return {caCertificate, serverCertificate, serverKey: server.privateKey.export({type: 'pkcs8', format: 'pem'}).toString()}
}

function issue(request: CertificateRequest, now: Date): string {
  const notBefore = new Date(now.getTime() - 60_000)
  const notAfter = new Date(now.getTime() + 365 * 24 * 3600_000)
  const algorithm = der.sequence(der.objectIdentifier(OID.ecdsaWithSha256))
  const toBeSigned = der.sequence(
    der.explicit(0, der.smallInteger(2)), // v3
    der.integer(Buffer.concat([Buffer.from([0x01]), randomBytes(15)])),
    algorithm,
    distinguishedName(request.issuer),
    der.sequence(der.time(notBefore), der.time(notAfter)),
    distinguishedName(request.subject),
    request.publicKey.export({type: 'spki', format: 'der'}),
    der.explicit(3, der.sequence(...request.extensions)),
  )
  const signature = sign('sha256', toBeSigned, request.signingKey)
  const certificate = der.sequence(toBeSigned, algorithm, der.bitString(signature))
  return toPem(certificate)
}

function distinguishedName(commonName: string): der.Der {
  const attribute = (oid: string, value: string) => der.set(der.sequence(der.objectIdentifier(oid), der.utf8String(value)))
  return der.sequence(attribute(OID.organization, 'kubeline'), attribute(OID.commonName, commonName))
}

function extension(oid: string, critical: boolean, value: der.Der): der.Der {
  return der.sequence(der.objectIdentifier(oid), ...(critical ? [der.boolean(true)] : []), der.octetString(value))
}

function basicConstraints(isCa: boolean): der.Der {
  return extension(OID.basicConstraints, true, isCa ? der.sequence(der.boolean(true)) : der.sequence())
}

/** `usageBits` is the first byte of the KeyUsage BIT STRING (bit 0 is the most significant). */
function keyUsage(usageBits: number): der.Der {
  return extension(OID.keyUsage, true, der.tagged(0x03, Buffer.from([0x01, usageBits])))
}

function serverAuthUsage(): der.Der {
  return extension(OID.extendedKeyUsage, false, der.sequence(der.objectIdentifier(OID.serverAuth)))
}

function loopbackNames(): der.Der {
  const dnsName = der.implicitPrimitive(2, Buffer.from('localhost'))
  const ipAddress = der.implicitPrimitive(7, Buffer.from([127, 0, 0, 1]))
  return extension(OID.subjectAltName, false, der.sequence(dnsName, ipAddress))
}

function toPem(certificate: Buffer): string {
  const lines = certificate.toString('base64').match(/.{1,64}/g) ?? []
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`
}
