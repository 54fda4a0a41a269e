import type {KubeObject} from '../kube/kube-object.js'

/**
 * The `-o name` form of an object, as cli-runtime's NamePrinter prints it:
 * lower-cased kind, `.group` unless the core group, then the name
 * (`deployment.apps/web`, `pod/x`, `<unknown>` when the object has no name).
 */
export function objectName(object: KubeObject): string {
  const slash = object.apiVersion.indexOf('/')
  const group = slash === -1 ? '' : object.apiVersion.slice(0, slash)
  const resource = group === '' ? object.kind.toLowerCase() : `${object.kind.toLowerCase()}.${group}`
  return `${resource}/${object.metadata.name || '<unknown>'}`
}
