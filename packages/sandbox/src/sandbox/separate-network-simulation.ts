import {UsageError} from '@kubeline/core'
import {isNetworkSimulationDocument} from '../network/network-simulation.js'
import type {KubeObject} from '../store/object-store.js'

export interface SeparatedFixture {
  objects: KubeObject[]
  /** The fixture's NetworkSimulation document (unchecked), if it has one. */
  network: unknown
}

/** Takes the NetworkSimulation document out of a fixture's objects: it configures the sandbox, it is not an API object. */
export function separateNetworkSimulation(documents: readonly KubeObject[]): SeparatedFixture {
  const simulations = documents.filter(isNetworkSimulationDocument)
  if (simulations.length > 1) {
    throw new UsageError('INVALID_MANIFEST', `a fixture may hold one NetworkSimulation, found ${simulations.length}`, {fix: 'Merge their connections into one document (the first matching entry wins).'})
  }
  return {objects: documents.filter((document) => !isNetworkSimulationDocument(document)), network: simulations[0]}
}
