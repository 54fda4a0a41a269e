import type {KubeObject} from '../../store/object-store.js'

const NAMESPACE = 'team'

export function deployment(name: string, replicas: number, options: {image?: string; annotations?: Record<string, string>; spec?: Record<string, unknown>} = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {name, namespace: NAMESPACE},
    spec: {
      replicas,
      selector: {matchLabels: {app: name}},
      template: {
        metadata: {labels: {app: name}, ...(options.annotations ? {annotations: options.annotations} : {})},
        spec: {containers: [{name: 'app', image: options.image ?? `${name}:1`}]},
      },
      ...options.spec,
    },
  }
}

export function job(name: string, annotations: Record<string, string>, spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {name, namespace: NAMESPACE},
    spec: {
      template: {metadata: {annotations}, spec: {restartPolicy: 'Never', containers: [{name: 'main', image: 'busybox'}]}},
      ...spec,
    },
  }
}

export function cronJob(name: string, schedule: string, annotations: Record<string, string>, spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: {name, namespace: NAMESPACE},
    spec: {
      schedule,
      jobTemplate: {
        metadata: {labels: {cron: name}},
        spec: {backoffLimit: 0, template: {metadata: {annotations}, spec: {restartPolicy: 'Never', containers: [{name: 'main', image: 'busybox'}]}}},
      },
      ...spec,
    },
  }
}

export function node(name: string, address: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {name},
    spec: {},
    status: {addresses: [{type: 'InternalIP', address}], conditions: [{type: 'Ready', status: 'True'}]},
  }
}

export {NAMESPACE}
