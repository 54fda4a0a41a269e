import {BUILTIN_RESOURCES} from './builtin-resources.js'
import {crdServedResources} from './crd-resources.js'
import type {ServedResource} from './resource-type.js'
import type {KubeObject} from '../store/object-store.js'

export interface GroupVersions {
  group: string
  versions: string[]
}

/**
 * The resources the sandbox serves: the built-in ones plus those of every
 * CustomResourceDefinition stored so far (registered when the CRD is created).
 */
export class ResourceRegistry {
  private readonly byPath = new Map<string, ServedResource>()

  constructor(types: readonly ServedResource[] = BUILTIN_RESOURCES) {
    for (const type of types) this.register(type)
  }

  register(type: ServedResource): void {
    this.byPath.set(pathKey(type.group, type.version, type.resource), type)
  }

  unregister(type: ServedResource): void {
    this.byPath.delete(pathKey(type.group, type.version, type.resource))
  }

  registerCrd(crd: KubeObject): void {
    for (const type of crdServedResources(crd)) this.register(type)
  }

  unregisterCrd(crd: KubeObject): void {
    for (const type of crdServedResources(crd)) this.unregister(type)
  }

  lookup(group: string, version: string, resource: string): ServedResource | undefined {
    return this.byPath.get(pathKey(group, version, resource))
  }

  /** The resource for an object's apiVersion and kind, e.g. ('apps/v1', 'Deployment'). */
  forKind(apiVersion: string, kind: string): ServedResource | undefined {
    const slash = apiVersion.indexOf('/')
    const group = slash < 0 ? '' : apiVersion.slice(0, slash)
    const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1)
    return this.all().find((t) => t.group === group && t.version === version && t.kind === kind)
  }

  all(): ServedResource[] {
    return [...this.byPath.values()]
  }

  inGroupVersion(group: string, version: string): ServedResource[] {
    return this.all().filter((t) => t.group === group && t.version === version)
  }

  /** Named groups (not core) in registration order, each with its versions. */
  groups(): GroupVersions[] {
    const groups = new Map<string, string[]>()
    for (const type of this.all()) {
      if (type.group === '') continue
      const versions = groups.get(type.group) ?? []
      if (!versions.includes(type.version)) versions.push(type.version)
      groups.set(type.group, versions)
    }
    return [...groups].map(([group, versions]) => ({group, versions}))
  }
}

function pathKey(group: string, version: string, resource: string): string {
  return `${group}/${version}/${resource}`
}
