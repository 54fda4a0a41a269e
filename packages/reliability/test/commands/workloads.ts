import type {KubeObject} from '@kubeline/core'

/** The namespace every scenario works in: each scenario has a sandbox of its own. */
export const NS = 'reliability'

const inNamespace = (object: KubeObject): KubeObject => ({...object, metadata: {...object.metadata, namespace: NS}})

/** A quota at 85% of its CPU (WARN, exit 0), a LimitRange and the pod that uses the CPU. */
export const QUOTA_OBJECTS: KubeObject[] = [
  {
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: {name: 'compute'},
    spec: {hard: {'requests.cpu': '2', pods: '10'}},
    status: {hard: {'requests.cpu': '2', pods: '10'}, used: {'requests.cpu': '1700m', pods: '1'}},
  },
  {apiVersion: 'v1', kind: 'LimitRange', metadata: {name: 'defaults'}, spec: {limits: [{type: 'Container', defaultRequest: {cpu: '100m'}}]}},
  {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'api'}, spec: {containers: [{name: 'api', image: 'busybox:1.36', resources: {requests: {cpu: '1700m'}}}]}},
].map(inNamespace)

/** Pods a and b; ingress default-deny except a -> b on TCP 80. */
export const NETPOL_OBJECTS: KubeObject[] = [
  {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'a', labels: {pod: 'a'}}, spec: {containers: [{name: 'main', image: 'registry.k8s.io/pause:3.10'}]}},
  {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'b', labels: {pod: 'b'}}, spec: {containers: [{name: 'main', image: 'registry.k8s.io/pause:3.10'}]}},
  {apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: {name: 'default-deny'}, spec: {podSelector: {}, policyTypes: ['Ingress']}},
  {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: {name: 'allow-a-to-b'},
    spec: {podSelector: {matchLabels: {pod: 'b'}}, ingress: [{from: [{podSelector: {matchLabels: {pod: 'a'}}}], ports: [{port: 80}]}]},
  },
].map(inNamespace)

export const STABLE_REPLICAS = 4
export const STABLE_IMAGE = 'registry.example.com/web:1'
export const CANARY_IMAGE = 'registry.example.com/web:2'

/** The Deployment `web` that rollout-canary releases. */
export const ROLLOUT_OBJECTS: KubeObject[] = [
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {name: 'web', labels: {app: 'web'}},
    spec: {
      replicas: STABLE_REPLICAS,
      selector: {matchLabels: {app: 'web'}},
      template: {metadata: {labels: {app: 'web'}}, spec: {containers: [{name: 'web', image: STABLE_IMAGE}]}},
    },
  },
].map(inNamespace)

/** `web` with the Service `web` in front of it, for blue/green releases. */
export const BLUEGREEN_OBJECTS: KubeObject[] = [
  ...ROLLOUT_OBJECTS,
  inNamespace({apiVersion: 'v1', kind: 'Service', metadata: {name: 'web'}, spec: {selector: {app: 'web'}, ports: [{port: 80, targetPort: 8080}]}}),
]

/** A CronJob `report` whose Jobs succeed after a second (sandbox annotations), and a suspended `paused`. */
export const CRON_OBJECTS: KubeObject[] = [cronJob('report', false), cronJob('paused', true)].map(inNamespace)

function cronJob(name: string, suspend: boolean): KubeObject {
  const annotations = {'sandbox.kubeline.dev/duration': '1s', 'sandbox.kubeline.dev/exit-code': '0', 'sandbox.kubeline.dev/log': 'done'}
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: {name},
    spec: {
      schedule: '0 2 * * *',
      suspend,
      jobTemplate: {
        spec: {
          backoffLimit: 0,
          template: {metadata: {annotations}, spec: {restartPolicy: 'Never', containers: [{name: 'main', image: 'busybox:1.36', command: ['true']}]}},
        },
      },
    },
  }
}
