import type {KubeObject} from '../kube/kube-object.js'
import {throwInvalidManifest} from './invalid-manifest.js'

/**
 * Every object sent to the API server, of any kind or group, needs a name or a generateName
 * (apimachinery pkg/api/validation/objectmeta.go ValidateObjectMetaAccessor: "name or
 * generateName is required"); `kubectl apply` stops earlier, "resource name may not be empty".
 * `where` names the file, line and document.
 */
export function checkObjectNamed(object: KubeObject, where: string): void {
  const {name, generateName} = object.metadata
  if ((name ?? '') !== '' || (generateName ?? '') !== '') return
  throwInvalidManifest(where, `${object.kind} has neither metadata.name nor metadata.generateName: resource name may not be empty`, 'Set metadata.name.')
}
