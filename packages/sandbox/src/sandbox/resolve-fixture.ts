import {stat} from 'node:fs/promises'
import {readManifests} from '@kubeline/core'
import type {SandboxUser} from '../auth/sandbox-user.js'
import {fixtureUsers, loadFixture} from '../fixtures/index.js'
import type {KubeObject} from '../store/object-store.js'

export interface ResolvedFixture {
  objects: KubeObject[]
  users: SandboxUser[]
}

/**
 * The objects (and users) of a fixture given as objects, a manifest file or directory, or a
 * name from src/fixtures ("demo", "scale:namespaces=10,pods=1000"), whose times are relative to `now`.
 */
export async function resolveFixture(fixture: string | KubeObject[], now: Date): Promise<ResolvedFixture> {
  if (Array.isArray(fixture)) return {objects: fixture, users: []}
  if (await isPath(fixture)) {
    const manifests = await readManifests([fixture])
    return {objects: manifests.map(({object}) => object as KubeObject), users: []}
  }
  return {objects: loadFixture(fixture, {now}), users: fixtureUsers(fixture)}
}

async function isPath(path: string): Promise<boolean> {
  try {
    const stats = await stat(path)
    return stats.isDirectory() || stats.isFile()
  } catch {
    return false
  }
}
