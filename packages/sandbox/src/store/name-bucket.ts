import type {KubeObject} from './object-store.js'

/**
 * The objects of one resource in one namespace, by name, with the names kept sorted on
 * demand so that lists and `continue` pages come out in etcd's key order without sorting
 * the whole resource on every request.
 */
export class NameBucket {
  private readonly objects = new Map<string, KubeObject>()
  private sortedNames: string[] | undefined = []

  get size(): number {
    return this.objects.size
  }

  get(name: string): KubeObject | undefined {
    return this.objects.get(name)
  }

  set(name: string, object: KubeObject): void {
    if (!this.objects.has(name)) this.sortedNames = undefined
    this.objects.set(name, object)
  }

  delete(name: string): void {
    if (this.objects.delete(name)) this.sortedNames = undefined
  }

  /** Objects in name order, starting after `afterName` when given. */
  *inOrder(afterName?: string): Generator<KubeObject> {
    const names = this.names()
    for (let i = afterName === undefined ? 0 : firstIndexAfter(names, afterName); i < names.length; i++) {
      yield this.objects.get(names[i]!)!
    }
  }

  private names(): string[] {
    this.sortedNames ??= [...this.objects.keys()].sort(compareStrings)
    return this.sortedNames
  }
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Binary search: the index of the first name strictly greater than `name`. */
function firstIndexAfter(names: string[], name: string): number {
  let low = 0
  let high = names.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (names[middle]! <= name) low = middle + 1
    else high = middle
  }
  return low
}
