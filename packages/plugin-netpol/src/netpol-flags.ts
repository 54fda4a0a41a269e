import {Flags} from '@oclif/core'
import {UsageError, parseLabelSelector} from '@kubeline/core'
import type {KubeClient, KubeFlagValues, LabelSelector} from '@kubeline/core'
import type {EvaluationOptions} from './domain/evaluate-traffic.js'
import type {NamedPortSource} from './domain/named-port-source.js'
import {NAMED_PORT_SOURCES} from './domain/named-port-source.js'
import type {PortSelection} from './domain/port-list.js'
import {parsePortSelection, parseProtocolList} from './domain/port-list.js'
import type {Protocol} from './domain/protocol.js'
import type {ClusterSource} from './services/load-cluster.js'

/** The inputs of every netpol-test command: the live cluster, -f manifests on top, or -f alone. */
export const clusterSourceFlags = {
  filename: Flags.string({
    char: 'f',
    multiple: true,
    description: 'Manifests (file, directory or - for stdin) applied on top of the live cluster: policies, namespaces, pods, workloads.',
  }),
  offline: Flags.boolean({description: 'Never contact a cluster: everything comes from -f.'}),
}

/** The choices upstream leaves to the network plugin. */
export const evaluationFlags = {
  'ipblock-matches-pods': Flags.boolean({description: 'Whether ipBlock peers match pod IPs.', default: true, allowNo: true}),
  loopback: Flags.string({description: "A pod's traffic to itself: allow (a pod cannot block itself) or deny.", options: ['allow', 'deny'], default: 'allow'}),
  'named-ports': Flags.string({
    description:
      "Which containers' ports named ports (and --port declared) are read from: containers (spec.containers), sidecars (also init containers with restartPolicy Always) or init-containers (also every init container).",
    options: [...NAMED_PORT_SOURCES],
    default: 'containers',
  }),
}

type SourceFlags = KubeFlagValues & {filename?: string[]; offline: boolean}

export function clusterSource(flags: SourceFlags, connect: () => Promise<KubeClient>): ClusterSource {
  const files = flags.filename ?? []
  if (flags.offline && files.length === 0) throw new UsageError('INVALID_FLAG', '--offline needs manifests: pass -f FILE|DIR|-')
  return {files, offline: flags.offline, connect, ...(flags.namespace === undefined ? {} : {namespace: flags.namespace})}
}

export function evaluationOptions(flags: {'ipblock-matches-pods': boolean; loopback: string; 'named-ports': string}): EvaluationOptions {
  return {ipBlockMatchesPods: flags['ipblock-matches-pods'], loopback: flags.loopback === 'deny' ? 'deny' : 'allow', namedPorts: namedPortSource(flags['named-ports'])}
}

/** oclif has already refused any other value (`options`). */
export function namedPortSource(flag: string): NamedPortSource {
  return NAMED_PORT_SOURCES.find((source) => source === flag) ?? 'containers'
}

/** The traffic and pods a table covers (`matrix`, `probe`): --port (numbers and/or `declared`), --protocol, and -n / -l narrowing the pods. */
export interface PodTrafficScope {
  ports: PortSelection
  protocols: Protocol[]
  namespace?: string
  selector?: LabelSelector
}

export function podTrafficScope(flags: {port: string; protocol: string; namespace?: string; selector?: string}): PodTrafficScope {
  return {
    ports: parsePortSelection(flags.port),
    protocols: parseProtocolList(flags.protocol),
    ...(flags.namespace === undefined ? {} : {namespace: flags.namespace}),
    ...(flags.selector === undefined ? {} : {selector: parseLabelSelector(flags.selector)}),
  }
}
