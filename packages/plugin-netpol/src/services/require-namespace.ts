import {KubelineError} from '@kubeline/core'
import type {ClusterState} from '../domain/kube-objects.js'

/**
 * A namespace that `-n` (or the context) names must be there: a Namespace object, or a pod or
 * NetworkPolicy in it (`-f` objects count). Otherwise a typo would read as an empty matrix, "no
 * change" or a clean lint, and pass a CI gate. NOT_FOUND: exit 2. `alternative` ends the fix
 * (`or lint every namespace with -A`).
 */
export function requireNamespace(state: ClusterState, namespace: string, options: {offline: boolean; alternative?: string}): void {
  const inNamespace = (object: {metadata: {namespace?: string}}) => object.metadata.namespace === namespace
  if (state.namespaces.some((object) => object.metadata.name === namespace) || state.pods.some(inNamespace) || state.networkPolicies.some(inNamespace)) return
  const alternative = options.alternative === undefined ? '.' : `, ${options.alternative}.`
  if (options.offline) {
    throw new KubelineError('NOT_FOUND', `namespace "${namespace}" not found in the manifests`, {fix: `Pass -n with a namespace of the manifests${alternative}`})
  }
  throw new KubelineError('NOT_FOUND', `namespace "${namespace}" not found`, {fix: `Check the name (kubectl get namespaces)${alternative}`})
}
