import {KubeClient} from './kube-client.js'
import {loadKubeTarget} from './kubeconfig/load-target.js'
import type {TargetOptions} from './kubeconfig/load-target.js'
import {prepareTarget} from './credentials.js'
import {KubeTransport} from './transport.js'
import type {TransportOptions} from './transport.js'

export interface ConnectOptions extends TargetOptions, TransportOptions {
  env?: NodeJS.ProcessEnv
}

/** Resolve the kubeconfig as kubectl does and return a client for that cluster. */
export async function connect(options: ConnectOptions = {}): Promise<KubeClient> {
  const target = loadKubeTarget(options, options.env ?? process.env)
  const transport = new KubeTransport(target, await prepareTarget(target), options)
  return new KubeClient(transport, target.namespace, target.contextName, target.namespaceExplicit)
}
