import {expect, test} from 'vitest'
import type {KubeObject} from '../../store/object-store.js'
import {tableColumns} from './table-columns.js'

const now = new Date('2026-03-01T12:00:00Z')
const created = '2026-03-01T11:00:00Z'

function row(resource: string, object: Partial<KubeObject>): Record<string, string | number> {
  const full = {apiVersion: 'v1', kind: 'X', ...object, metadata: {name: 'x', creationTimestamp: created, ...object.metadata}} as KubeObject
  return Object.fromEntries(tableColumns(resource).map((column) => [column.name, column.cell(full, now)]))
}

// Expected cells as `kubectl get` prints them against a real cluster (pkg/printers/internalversion/printers.go).
test.each([
  {
    resource: 'pods',
    object: {spec: {containers: [{}, {}]}, status: {phase: 'Running', containerStatuses: [{ready: true, restartCount: 2, state: {running: {}}}, {ready: false, restartCount: 1, state: {running: {}}}]}},
    want: {Name: 'x', Ready: '1/2', Status: 'Running', Restarts: 3, Age: '60m'},
  },
  {
    resource: 'pods',
    object: {
      spec: {initContainers: [{name: 'setup'}, {name: 'proxy', restartPolicy: 'Always'}], containers: [{name: 'app'}]},
      status: {
        phase: 'Running',
        initContainerStatuses: [
          {name: 'setup', ready: true, started: false, restartCount: 1, state: {terminated: {exitCode: 0, reason: 'Completed'}}},
          {name: 'proxy', ready: true, started: true, restartCount: 0, state: {running: {}}},
        ],
        containerStatuses: [{name: 'app', ready: true, restartCount: 0, state: {running: {}}}],
      },
    },
    // Restarts of regular init containers count only while the pod initializes.
    want: {Ready: '2/2', Status: 'Running', Restarts: 0},
  },
  {
    resource: 'pods',
    object: {spec: {containers: [{}]}, status: {phase: 'Pending', containerStatuses: [{state: {waiting: {reason: 'CrashLoopBackOff'}}}]}},
    want: {Status: 'CrashLoopBackOff'},
  },
  {
    resource: 'pods',
    object: {spec: {containers: [{name: 'app'}]}, status: {phase: 'Succeeded', containerStatuses: [{name: 'app', ready: false, state: {terminated: {exitCode: 0, reason: 'Completed'}}}]}},
    want: {Ready: '0/1', Status: 'Completed', Restarts: 0},
  },
  {resource: 'deployments', object: {spec: {replicas: 3}, status: {readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2}}, want: {Ready: '2/3', 'Up-to-date': 3, Available: 2}},
  {
    resource: 'jobs',
    object: {spec: {completions: 1}, status: {succeeded: 1, startTime: '2026-03-01T11:00:00Z', completionTime: '2026-03-01T11:00:42Z', conditions: [{type: 'Complete', status: 'True'}]}},
    want: {Status: 'Complete', Completions: '1/1', Duration: '42s'},
  },
  {resource: 'cronjobs', object: {spec: {schedule: '*/5 * * * *', suspend: true}, status: {lastScheduleTime: '2026-03-01T11:55:00Z'}}, want: {Schedule: '*/5 * * * *', Timezone: '<none>', Suspend: 'True', Active: 0, 'Last Schedule': '5m'}},
  {resource: 'nodes', object: {metadata: {labels: {'node-role.kubernetes.io/control-plane': ''}}, status: {conditions: [{type: 'Ready', status: 'True'}], nodeInfo: {kubeletVersion: 'v1.32.0'}}}, want: {Status: 'Ready', Roles: 'control-plane', Version: 'v1.32.0'}},
  {resource: 'networkpolicies', object: {spec: {podSelector: {matchLabels: {app: 'api'}}}}, want: {'Pod-Selector': 'app=api'}},
  {resource: 'networkpolicies', object: {spec: {podSelector: {}}}, want: {'Pod-Selector': '<none>'}},
  {
    resource: 'resourcequotas',
    object: {spec: {hard: {'requests.cpu': '2', 'limits.cpu': '4', pods: '10'}}, status: {hard: {'requests.cpu': '2', 'limits.cpu': '4', pods: '10'}, used: {'requests.cpu': '1700m', pods: '3'}}},
    want: {Request: 'pods: 3/10, requests.cpu: 1700m/2', Limit: 'limits.cpu: 0/4'},
  },
  {resource: 'services', object: {spec: {clusterIP: '10.0.0.1', ports: [{port: 80}, {port: 443, protocol: 'TCP', nodePort: 30443}]}}, want: {Type: 'ClusterIP', 'Cluster-IP': '10.0.0.1', 'Port(s)': '80/TCP,443:30443/TCP'}},
  {resource: 'widgets', object: {}, want: {Name: 'x', Age: '60m'}},
])('$resource: $want', ({resource, object, want}) => {
  expect(row(resource, object as Partial<KubeObject>)).toMatchObject(want)
})
