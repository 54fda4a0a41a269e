import {expect, test} from 'vitest'
import type {KubeObject} from '../../store/object-store.js'
import {podPrintedState} from './pod-printed-state.js'

const running = {running: {startedAt: '2026-03-01T11:00:00Z'}}
const completed = {terminated: {exitCode: 0, reason: 'Completed'}}

function pod(spec: Record<string, unknown>, status: Record<string, unknown>, metadata: Record<string, unknown> = {}): KubeObject {
  return {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'p', ...metadata}, spec, status} as KubeObject
}

const ONE = {containers: [{name: 'app'}]}
const READY = [{type: 'Initialized', status: 'True'}, {type: 'Ready', status: 'True'}]

// What kubectl get pods prints for these states (kubernetes pkg/printers/internalversion/printers.go printPod,
// and its TestPrintPod / TestPrintPodWithRestartableInitContainer cases).
test.each([
  {name: 'running and ready', pod: pod(ONE, {phase: 'Running', conditions: READY, containerStatuses: [{name: 'app', ready: true, restartCount: 3, state: running}]}), want: {ready: '1/1', status: 'Running', restarts: 3}},
  {name: 'ready flag without a running state is not counted', pod: pod(ONE, {phase: 'Running', containerStatuses: [{name: 'app', ready: true}]}), want: {ready: '0/1', status: 'Running', restarts: 0}},
  {name: 'succeeded: Completed', pod: pod(ONE, {phase: 'Succeeded', containerStatuses: [{name: 'app', state: completed}]}), want: {ready: '0/1', status: 'Completed', restarts: 0}},
  {name: 'failed: the container\'s reason', pod: pod(ONE, {phase: 'Failed', containerStatuses: [{name: 'app', state: {terminated: {exitCode: 1, reason: 'Error'}}}]}), want: {ready: '0/1', status: 'Error', restarts: 0}},
  {name: 'terminated without a reason: the exit code', pod: pod(ONE, {phase: 'Failed', containerStatuses: [{name: 'app', state: {terminated: {exitCode: 137}}}]}), want: {ready: '0/1', status: 'ExitCode:137', restarts: 0}},
  {name: 'terminated by a signal', pod: pod(ONE, {phase: 'Failed', containerStatuses: [{name: 'app', state: {terminated: {exitCode: 0, signal: 9}}}]}), want: {ready: '0/1', status: 'Signal:9', restarts: 0}},
  {name: 'waiting: its reason', pod: pod(ONE, {phase: 'Running', containerStatuses: [{name: 'app', restartCount: 5, state: {waiting: {reason: 'CrashLoopBackOff'}}}]}), want: {ready: '0/1', status: 'CrashLoopBackOff', restarts: 5}},
  {
    name: 'one container completed, another still running and ready: Running',
    pod: pod({containers: [{name: 'a'}, {name: 'b'}]}, {phase: 'Running', conditions: READY, containerStatuses: [{name: 'a', state: completed}, {name: 'b', ready: true, state: running}]}),
    want: {ready: '1/2', status: 'Running', restarts: 0},
  },
  {
    name: 'the same, the pod not Ready: NotReady',
    pod: pod({containers: [{name: 'a'}, {name: 'b'}]}, {phase: 'Running', containerStatuses: [{name: 'a', state: completed}, {name: 'b', ready: true, state: running}]}),
    want: {ready: '1/2', status: 'NotReady', restarts: 0},
  },
  {
    name: 'an init container running: Init:i/n, its restarts counted',
    pod: pod({initContainers: [{name: 'a'}, {name: 'b'}], ...ONE}, {phase: 'Pending', initContainerStatuses: [{name: 'a', state: completed}, {name: 'b', restartCount: 2, state: running}], containerStatuses: [{name: 'app', state: {waiting: {reason: 'PodInitializing'}}}]}),
    want: {ready: '0/1', status: 'Init:1/2', restarts: 2},
  },
  {
    name: 'an init container failed: Init:reason',
    pod: pod({initContainers: [{name: 'a'}], ...ONE}, {phase: 'Pending', initContainerStatuses: [{name: 'a', state: {terminated: {exitCode: 1, reason: 'Error'}}}]}),
    want: {ready: '0/1', status: 'Init:Error', restarts: 0},
  },
  {
    name: 'an init container waiting with a reason',
    pod: pod({initContainers: [{name: 'a'}], ...ONE}, {phase: 'Pending', initContainerStatuses: [{name: 'a', state: {waiting: {reason: 'ImagePullBackOff'}}}]}),
    want: {ready: '0/1', status: 'Init:ImagePullBackOff', restarts: 0},
  },
  {
    name: 'a started sidecar is counted ready; regular init restarts are not once initialized',
    pod: pod(
      {initContainers: [{name: 'setup'}, {name: 'proxy', restartPolicy: 'Always'}], ...ONE},
      {
        phase: 'Running',
        conditions: READY,
        initContainerStatuses: [{name: 'setup', restartCount: 1, state: completed}, {name: 'proxy', started: true, ready: true, restartCount: 2, state: running}],
        containerStatuses: [{name: 'app', ready: true, state: running}],
      },
    ),
    want: {ready: '2/2', status: 'Running', restarts: 2},
  },
  {name: 'deleted while running: Terminating', pod: pod(ONE, {phase: 'Running', containerStatuses: [{name: 'app', ready: true, state: running}]}, {deletionTimestamp: '2026-03-01T12:00:00Z'}), want: {ready: '1/1', status: 'Terminating', restarts: 0}},
  {name: 'deleted after it succeeded: still Completed', pod: pod(ONE, {phase: 'Succeeded', containerStatuses: [{name: 'app', state: completed}]}, {deletionTimestamp: '2026-03-01T12:00:00Z'}), want: {ready: '0/1', status: 'Completed', restarts: 0}},
  {name: 'deleted on a lost node: Unknown', pod: pod(ONE, {phase: 'Running', reason: 'NodeLost'}, {deletionTimestamp: '2026-03-01T12:00:00Z'}), want: {ready: '0/1', status: 'Unknown', restarts: 0}},
  {name: 'the pod\'s own reason', pod: pod(ONE, {phase: 'Failed', reason: 'Evicted'}), want: {ready: '0/1', status: 'Evicted', restarts: 0}},
])('$name', ({pod: object, want}) => {
  expect(podPrintedState(object)).toEqual(want)
})
