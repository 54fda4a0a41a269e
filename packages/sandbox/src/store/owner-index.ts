import type {KubeObject, ResourceKey} from './object-store.js'

export interface ObjectRef {
  key: ResourceKey
  namespace: string | undefined
  name: string
}

/** Which objects name a given uid in their ownerReferences: what the garbage collector follows on delete. */
export class OwnerIndex {
  private readonly dependents = new Map<string, Map<string, ObjectRef>>()

  add(ref: ObjectRef, object: KubeObject): void {
    for (const owner of object.metadata.ownerReferences ?? []) {
      let refs = this.dependents.get(owner.uid)
      if (!refs) this.dependents.set(owner.uid, (refs = new Map()))
      refs.set(refId(ref), ref)
    }
  }

  remove(ref: ObjectRef, object: KubeObject): void {
    for (const owner of object.metadata.ownerReferences ?? []) {
      const refs = this.dependents.get(owner.uid)
      refs?.delete(refId(ref))
      if (refs?.size === 0) this.dependents.delete(owner.uid)
    }
  }

  /** A snapshot, so callers may delete or update while iterating. */
  dependentsOf(uid: string): ObjectRef[] {
    return [...(this.dependents.get(uid)?.values() ?? [])]
  }
}

function refId(ref: ObjectRef): string {
  return `${ref.key.group}/${ref.key.resource}/${ref.namespace ?? ''}/${ref.name}`
}
