import {randomBytes} from 'node:crypto'
import {writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import type {Sandbox, SandboxUser} from '@kubeline/sandbox'

/** Values that must never be printed: each one is unique, so any appearance is a leak. */
export interface CanarySecrets {
  token: string
  limitedToken: string
  revokedToken: string
  password: string
  clientKeyData: string
  execEnv: string
  idToken: string
  refreshToken: string
  clientSecret: string
}

export function canarySecrets(): CanarySecrets {
  const canary = (what: string) => `canary-${what}-${randomBytes(12).toString('hex')}`
  return {
    token: canary('token'),
    limitedToken: canary('limited-token'),
    revokedToken: canary('revoked-token'),
    password: canary('password'),
    clientKeyData: Buffer.from(`-----BEGIN PRIVATE KEY-----\n${canary('client-key')}\n-----END PRIVATE KEY-----\n`).toString('base64'),
    execEnv: canary('exec-env'),
    idToken: canary('id-token'),
    refreshToken: canary('refresh-token'),
    clientSecret: canary('client-secret'),
  }
}

/** Every string whose appearance in any output is a leak, including encoded forms. */
export function leakPatterns(secrets: CanarySecrets): string[] {
  const values = Object.values(secrets)
  const decodedKey = Buffer.from(secrets.clientKeyData, 'base64').toString('utf8').split('\n')[1] as string
  return [...values, decodedKey, Buffer.from(`admin:${secrets.password}`).toString('base64')]
}

/** The sandbox users the canary tokens belong to: one may do anything, one nothing. */
export function canaryUsers(secrets: CanarySecrets): SandboxUser[] {
  return [
    {name: 'canary', token: secrets.token, rules: [{verbs: ['*'], resources: ['*']}]},
    {name: 'limited', token: secrets.limitedToken, rules: []},
  ]
}

/** Which kubeconfig user a run authenticates as, and what the sandbox makes of it. */
export const CANARY_CONTEXTS = {
  /** A valid token with every right: commands succeed. */
  allowed: 'allowed',
  /** 403 on every request. */
  forbidden: 'forbidden',
  /** A token the server does not know: 401. */
  revoked: 'revoked',
  /** Basic auth: the sandbox only knows bearer tokens, so 401. */
  basic: 'basic',
  /** An exec credential plugin whose environment holds a secret; it yields the valid token. */
  exec: 'exec',
  /** An OIDC auth-provider whose tokens are unusable: fails before or at the server. */
  authProvider: 'auth-provider',
  /** A client key that is not a key: fails while setting up TLS. */
  clientKey: 'client-key',
} as const

/** A kubeconfig whose every user is full of canary secrets, one context per user, current: allowed. */
export async function writeCanaryKubeconfig(sandbox: Sandbox, secrets: CanarySecrets, directory: string): Promise<string> {
  const execCredential = JSON.stringify({apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: {token: secrets.token}})
  const users: Record<string, object> = {
    [CANARY_CONTEXTS.allowed]: {token: secrets.token},
    [CANARY_CONTEXTS.forbidden]: {token: secrets.limitedToken},
    [CANARY_CONTEXTS.revoked]: {token: secrets.revokedToken},
    [CANARY_CONTEXTS.basic]: {username: 'admin', password: secrets.password},
    [CANARY_CONTEXTS.exec]: {
      exec: {
        apiVersion: 'client.authentication.k8s.io/v1',
        command: process.execPath,
        args: ['-e', `process.stdout.write(${JSON.stringify(execCredential)})`],
        env: [{name: 'CANARY_EXEC_SECRET', value: secrets.execEnv}],
        interactiveMode: 'Never',
      },
    },
    [CANARY_CONTEXTS.authProvider]: {
      'auth-provider': {
        name: 'oidc',
        config: {'id-token': secrets.idToken, 'refresh-token': secrets.refreshToken, 'client-secret': secrets.clientSecret, 'client-id': 'kubeline', 'idp-issuer-url': 'https://127.0.0.1:1'},
      },
    },
    [CANARY_CONTEXTS.clientKey]: {'client-certificate-data': secrets.clientKeyData, 'client-key-data': secrets.clientKeyData, token: secrets.token},
  }
  const cluster = {server: sandbox.url, 'certificate-authority-data': Buffer.from(sandbox.caCertificate).toString('base64')}
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{name: 'sandbox', cluster}],
    users: Object.entries(users).map(([name, user]) => ({name, user})),
    contexts: Object.keys(users).map((name) => ({name, context: {cluster: 'sandbox', user: name}})),
    'current-context': CANARY_CONTEXTS.allowed,
  }
  const path = join(directory, 'canary-kubeconfig')
  await writeFile(path, JSON.stringify(config, null, 2), {mode: 0o600})
  return path
}
