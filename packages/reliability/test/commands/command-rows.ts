import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {KubeObject} from '@kubeline/core'
import type {PluginBinary} from '@kubeline/sandbox/e2e'
import {BLUEGREEN_OBJECTS, CANARY_IMAGE, CRON_OBJECTS, NETPOL_OBJECTS, NS, QUOTA_OBJECTS, ROLLOUT_OBJECTS} from './workloads.js'

/** What must hold after a write was hit by a fault (see faults/write-invariants.ts). */
export type WriteInvariant = 'one-job-per-trigger' | 'stable-keeps-replicas' | 'bluegreen-converges'

/** A run that puts the cluster in the state a command needs, and the exit code it must end with. */
export interface SetupRun {
  args: string[]
  code: 0 | 3
}

/**
 * One plugin command that talks to the API, with what it needs to succeed. Every fault
 * scenario and the secrets check run over these rows: a new command is one more row.
 */
export interface CommandRow {
  /** As a user types it after `kubectl`. */
  name: string
  binary: PluginBinary
  /** Its arguments; `-n reliability` is added. */
  args: string[]
  /** The cluster it runs against (loaded into a fresh sandbox). */
  objects: KubeObject[]
  /** Earlier runs of the same binary that put the cluster in the state the command needs. */
  setup?: SetupRun[]
  /** The exit code of a run without faults. */
  code: 0 | 3
  /** Writes to the cluster: only creates new objects, or also changes existing ones (patch, update). */
  writes: false | 'creates' | 'updates'
  /** Waits on a watch of this resource (the closed-stream scenario targets it). */
  watches?: 'jobs' | 'deployments' | 'pods'
  invariant?: WriteInvariant
}

const planFile = join(mkdtempSync(join(tmpdir(), 'reliability-plan-')), 'plan.yaml')
writeFileSync(
  planFile,
  JSON.stringify({apiVersion: 'v1', kind: 'Pod', metadata: {name: 'extra'}, spec: {containers: [{name: 'c', image: 'busybox:1.36', resources: {requests: {cpu: '100m'}}}]}}),
)

const netpolDir = mkdtempSync(join(tmpdir(), 'reliability-netpol-'))
/** A proposal that only opens b -> a, so diff has nothing to block on. */
const proposalFile = join(netpolDir, 'proposal.yaml')
writeFileSync(
  proposalFile,
  JSON.stringify({apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: {name: 'allow-b-to-a', namespace: NS}, spec: {podSelector: {matchLabels: {pod: 'a'}}, ingress: [{from: [{podSelector: {matchLabels: {pod: 'b'}}}]}]}}),
)
const suiteFile = join(netpolDir, 'suite.yaml')
writeFileSync(
  suiteFile,
  JSON.stringify({
    apiVersion: 'kubeline.dev/v1alpha1',
    kind: 'NetpolTestSuite',
    spec: {cases: [{from: `${NS}/a`, to: `${NS}/b`, port: 80, expect: 'allow'}, {from: `${NS}/b`, to: `${NS}/a`, port: 80, expect: 'deny'}]},
  }),
)

const startRelease = ['start', 'web', '--image', `web=${CANARY_IMAGE}`, '--steps', '25,50']
const started: SetupRun[] = [{args: startRelease, code: 0}]
const greenStarted: SetupRun[] = [{args: ['bluegreen', 'start', 'web', '--image', `web=${CANARY_IMAGE}`, '--service', 'web'], code: 0}]
const greenServing: SetupRun[] = [...greenStarted, {args: ['bluegreen', 'switch', 'web'], code: 0}]

export const COMMAND_ROWS: readonly CommandRow[] = [
  {name: 'quota-report', binary: 'kubectl-quota_report', args: [], objects: QUOTA_OBJECTS, code: 0, writes: false},
  {name: 'quota-report -A', binary: 'kubectl-quota_report', args: ['-A'], objects: QUOTA_OBJECTS, code: 0, writes: false},
  {name: 'quota-report -f', binary: 'kubectl-quota_report', args: ['-f', planFile], objects: QUOTA_OBJECTS, code: 0, writes: false},
  {name: 'netpol-test check', binary: 'kubectl-netpol_test', args: ['check', '--from', `${NS}/a`, '--to', `${NS}/b`, '--port', '80'], objects: NETPOL_OBJECTS, code: 0, writes: false},
  {name: 'netpol-test matrix', binary: 'kubectl-netpol_test', args: ['matrix'], objects: NETPOL_OBJECTS, code: 0, writes: false},
  {name: 'netpol-test diff', binary: 'kubectl-netpol_test', args: ['diff', '-f', proposalFile], objects: NETPOL_OBJECTS, code: 0, writes: false},
  {name: 'netpol-test run', binary: 'kubectl-netpol_test', args: ['run', suiteFile], objects: NETPOL_OBJECTS, code: 0, writes: false},
  {name: 'netpol-test explain', binary: 'kubectl-netpol_test', args: ['explain'], objects: NETPOL_OBJECTS, code: 0, writes: false},
  {name: 'netpol-test lint', binary: 'kubectl-netpol_test', args: ['lint'], objects: NETPOL_OBJECTS, code: 0, writes: false},
  // The sandbox's network enforces nothing: b -> a connects although denied, a mismatch (exit 3) after its retry.
  {name: 'netpol-test probe', binary: 'kubectl-netpol_test', args: ['probe'], objects: NETPOL_OBJECTS, code: 3, writes: 'updates', watches: 'pods'},
  {name: 'rollout-canary start', binary: 'kubectl-rollout_canary', args: startRelease, objects: ROLLOUT_OBJECTS, code: 0, writes: 'updates', invariant: 'stable-keeps-replicas'},
  {
    name: 'rollout-canary start --wait',
    binary: 'kubectl-rollout_canary',
    args: ['start', 'web', '--image', `web=${CANARY_IMAGE}`, '--steps', '50', '--pause', '1s', '--wait'],
    objects: ROLLOUT_OBJECTS,
    code: 0,
    writes: 'updates',
    watches: 'deployments',
    invariant: 'stable-keeps-replicas',
  },
  {name: 'rollout-canary status', binary: 'kubectl-rollout_canary', args: ['status', 'web'], objects: ROLLOUT_OBJECTS, setup: started, code: 0, writes: false},
  {name: 'rollout-canary list', binary: 'kubectl-rollout_canary', args: ['list'], objects: ROLLOUT_OBJECTS, setup: started, code: 0, writes: false},
  {name: 'rollout-canary promote', binary: 'kubectl-rollout_canary', args: ['promote', 'web'], objects: ROLLOUT_OBJECTS, setup: started, code: 0, writes: 'updates', invariant: 'stable-keeps-replicas'},
  {name: 'rollout-canary resume', binary: 'kubectl-rollout_canary', args: ['resume', 'web'], objects: ROLLOUT_OBJECTS, setup: started, code: 0, writes: 'updates', invariant: 'stable-keeps-replicas'},
  {name: 'rollout-canary abort', binary: 'kubectl-rollout_canary', args: ['abort', 'web'], objects: ROLLOUT_OBJECTS, setup: started, code: 3, writes: 'updates', invariant: 'stable-keeps-replicas'},
  {name: 'rollout-canary pause', binary: 'kubectl-rollout_canary', args: ['pause', 'web'], objects: ROLLOUT_OBJECTS, setup: started, code: 0, writes: 'updates', invariant: 'stable-keeps-replicas'},
  {name: 'rollout-canary set-weight', binary: 'kubectl-rollout_canary', args: ['set-weight', 'web', '50'], objects: ROLLOUT_OBJECTS, setup: started, code: 0, writes: 'updates', invariant: 'stable-keeps-replicas'},
  {
    name: 'rollout-canary retry',
    binary: 'kubectl-rollout_canary',
    args: ['retry', 'web'],
    objects: ROLLOUT_OBJECTS,
    setup: [...started, {args: ['abort', 'web'], code: 3}],
    code: 0,
    writes: 'updates',
    invariant: 'stable-keeps-replicas',
  },
  {
    name: 'rollout-canary bluegreen start',
    binary: 'kubectl-rollout_canary',
    args: greenStarted[0]!.args,
    objects: BLUEGREEN_OBJECTS,
    code: 0,
    writes: 'updates',
    watches: 'deployments',
    invariant: 'bluegreen-converges',
  },
  {name: 'rollout-canary bluegreen switch', binary: 'kubectl-rollout_canary', args: ['bluegreen', 'switch', 'web'], objects: BLUEGREEN_OBJECTS, setup: greenStarted, code: 0, writes: 'updates', invariant: 'bluegreen-converges'},
  {name: 'rollout-canary bluegreen rollback', binary: 'kubectl-rollout_canary', args: ['bluegreen', 'rollback', 'web'], objects: BLUEGREEN_OBJECTS, setup: greenServing, code: 0, writes: 'updates', invariant: 'bluegreen-converges'},
  {
    name: 'rollout-canary bluegreen finish',
    binary: 'kubectl-rollout_canary',
    args: ['bluegreen', 'finish', 'web', '--scale-down-delay', '0s'],
    objects: BLUEGREEN_OBJECTS,
    setup: greenServing,
    code: 0,
    writes: 'updates',
    watches: 'deployments',
    invariant: 'bluegreen-converges',
  },
  {name: 'cron-trigger now', binary: 'kubectl-cron_trigger', args: ['now', 'report'], objects: CRON_OBJECTS, code: 0, writes: 'creates', invariant: 'one-job-per-trigger'},
  {name: 'cron-trigger now --wait', binary: 'kubectl-cron_trigger', args: ['now', 'report', '--wait'], objects: CRON_OBJECTS, code: 0, writes: 'creates', watches: 'jobs', invariant: 'one-job-per-trigger'},
  {name: 'cron-trigger next', binary: 'kubectl-cron_trigger', args: ['next', 'report'], objects: CRON_OBJECTS, code: 0, writes: false},
  {name: 'cron-trigger list', binary: 'kubectl-cron_trigger', args: ['list'], objects: CRON_OBJECTS, code: 0, writes: false},
  {name: 'cron-trigger history', binary: 'kubectl-cron_trigger', args: ['history', 'report'], objects: CRON_OBJECTS, code: 0, writes: false},
  {name: 'cron-trigger suspend', binary: 'kubectl-cron_trigger', args: ['suspend', 'report'], objects: CRON_OBJECTS, code: 0, writes: 'updates'},
  {name: 'cron-trigger resume', binary: 'kubectl-cron_trigger', args: ['resume', 'paused'], objects: CRON_OBJECTS, code: 0, writes: 'updates'},
]
