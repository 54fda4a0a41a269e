import {afterEach, expect, test} from 'vitest'
import type {E2eCluster} from './e2e-cluster.js'
import {startE2eCluster} from './e2e-cluster.js'

const xa = {namespace: 'x', name: 'a'}
const external = {address: '8.8.8.8'}
const clusters: E2eCluster[] = []
afterEach(async () => {
  for (const cluster of clusters.splice(0)) await cluster.stop()
})

test('a network simulation passed to startE2eCluster is in force, and setNetwork replaces it', async () => {
  const cluster = await startE2eCluster({controllers: false, network: {apiVersion: 'sandbox.kubeline.dev/v1alpha1', kind: 'NetworkSimulation', default: 'deny'}}, {})
  clusters.push(cluster)
  expect(cluster.mode).toBe('sandbox')
  expect(cluster.sandbox!.network.resultFor(xa, external, 53, 'UDP')).toBe('deny')
  cluster.setNetwork({apiVersion: 'sandbox.kubeline.dev/v1alpha1', kind: 'NetworkSimulation', connections: [{from: '*', to: 'ip:8.8.8.8', port: 53, result: 'refuse'}]})
  expect(cluster.sandbox!.network.resultFor(xa, external, 53, 'UDP')).toBe('refuse')
  cluster.setNetwork(undefined)
  expect(cluster.sandbox!.network.resultFor(xa, external, 53, 'UDP')).toBe('allow')
})

test('against a real cluster setNetwork refuses: the network is what it is', async () => {
  const stand = await startE2eCluster({controllers: false}, {})
  clusters.push(stand)
  const real = await startE2eCluster({}, {KUBELINE_E2E_KUBECONFIG: stand.kubeconfigPath})
  clusters.push(real)
  expect(real.mode).toBe('real')
  expect(() => real.setNetwork(undefined)).toThrow('setNetwork needs the sandbox: a real cluster (KUBELINE_E2E_KUBECONFIG) has its own network')
})
