import {Flags} from '@oclif/core'
import {ExitCode, KubeCommand} from '@kubeline/core'
import {parseProtocol, validatePortNumber} from '../domain/protocol.js'
import {clusterSource, clusterSourceFlags, evaluationFlags, evaluationOptions} from '../netpol-flags.js'
import {addressOfPodsWarning} from '../render/address-of-pods-warning.js'
import {addresslessPeerWarning} from '../render/addressless-peer-warning.js'
import {verdictView} from '../render/verdict-view.js'
import {checkTraffic} from '../services/check-traffic.js'
import {parseEndpointSpec} from '../services/endpoint-spec.js'

const OUTPUTS = ['table', 'json', 'yaml'] as const

export default class Check extends KubeCommand {
  static override summary = 'Is a connection allowed by the NetworkPolicies (and admin policies)? ALLOW or DENY, and why.'
  static override description = `Evaluates one connection statically: the source's egress and the destination's ingress, each with the policies that select the pod and the rule that allowed it (or that none did). Exit 0 when allowed, 3 when denied; --expect deny swaps them for scripts. Policies of every namespace count.`

  static override examples = [
    '<%= config.bin %> check --from shop/frontend --to shop/deployment/api --port 8080',
    '<%= config.bin %> check --from shop/api --to ip:10.0.0.5 --port 5432 --expect deny',
    '<%= config.bin %> check --from x/a --to x/b --port 80 -f deny-all.yaml   # what if I apply it?',
    '<%= config.bin %> check --offline -f manifests/ --from x/deploy/web --to x/deploy/db --port 5432 -o json',
    '<%= config.bin %> check --from monitoring/prometheus-0 --to shop/redis-0 --port 9121 --named-ports sidecars   # "metrics" is a native sidecar\'s port',
  ]

  static override flags = {
    ...clusterSourceFlags,
    ...evaluationFlags,
    from: Flags.string({description: 'Source: ns/pod, ns/deployment/name (statefulset, daemonset, replicaset, job, cronjob) or ip:ADDRESS.', required: true}),
    to: Flags.string({description: 'Destination, as --from.', required: true}),
    port: Flags.integer({description: 'Destination (container) port.', required: true}),
    protocol: Flags.string({description: 'TCP, UDP or SCTP.', default: 'TCP'}),
    expect: Flags.string({description: 'The expected verdict: exit 0 when it holds, 3 when not.', options: ['allow', 'deny'], default: 'allow'}),
    output: Flags.string({char: 'o', description: 'Output format: json|yaml.', default: 'table'}),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(Check)
    const request = {
      from: parseEndpointSpec('--from', flags.from),
      to: parseEndpointSpec('--to', flags.to),
      port: validatePortNumber(flags.port, '--port'),
      protocol: parseProtocol(flags.protocol),
      options: evaluationOptions(flags),
    }
    const {verdict, addressesOfPods, addresslessPeers} = await checkTraffic(clusterSource(flags, () => this.kube(flags)), request)
    const expected = flags.expect === 'deny' ? 'deny' : 'allow'
    this.print(verdictView(verdict, expected), flags.output, OUTPUTS)
    for (const address of addressesOfPods) this.out.warn(addressOfPodsWarning(address))
    for (const peer of addresslessPeers) this.out.warn(addresslessPeerWarning(peer))
    if (verdict.allowed !== (expected === 'allow')) this.exit(ExitCode.verdictNo)
  }
}
