import type {PodRef, SimulatedNetwork} from './simulated-network.js'

/** What `agnhost connect` reports: success, or the fixed string it prints on stderr. */
export type ProbeOutcome = 'OK' | 'TIMEOUT' | 'REFUSED'

export interface ConnectionAttempt {
  /** tcp, udp or sctp, any case. */
  protocol: string
  /** An address without brackets (IPv6 too), or a name that is no pod's address. */
  host: string
  port: number
}

/** One connection attempt from a pod, decided by the simulated network. */
export type ConnectionProbe = (source: PodRef, attempt: ConnectionAttempt) => ProbeOutcome

const OUTCOMES = {allow: 'OK', deny: 'TIMEOUT', refuse: 'REFUSED'} as const

/** Probes through `network`; the destination is the pod `podAt` finds at the address (any namespace), else external. */
export function connectionProbe(network: SimulatedNetwork, podAt: (address: string) => PodRef | undefined): ConnectionProbe {
  return (source, {protocol, host, port}) => {
    const pod = podAt(host)
    return OUTCOMES[network.resultFor(source, {address: host, ...(pod ? {pod} : {})}, port, protocol)]
  }
}
