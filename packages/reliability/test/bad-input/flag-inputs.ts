import type {PluginBinary} from '@kubeline/sandbox/e2e'
import {NS} from '../commands/workloads.js'

/** A malformed flag or argument: the message must quote `mentions` (the bad value or flag). */
export interface FlagInput {
  name: string
  binary: PluginBinary
  args: string[]
  mentions: string
}

const quota = (name: string, args: string[], mentions: string): FlagInput => ({name: `quota-report ${name}`, binary: 'kubectl-quota_report', args, mentions})
const netpol = (name: string, args: string[], mentions: string): FlagInput => ({name: `netpol-test ${name}`, binary: 'kubectl-netpol_test', args, mentions})
const rollout = (name: string, args: string[], mentions: string): FlagInput => ({name: `rollout-canary ${name}`, binary: 'kubectl-rollout_canary', args, mentions})
const cron = (name: string, args: string[], mentions: string): FlagInput => ({name: `cron-trigger ${name}`, binary: 'kubectl-cron_trigger', args, mentions})

const check = (from: string, to: string, port: string, extra: string[] = []) => ['check', '--from', from, '--to', to, '--port', port, ...extra]
const start = (extra: string[]) => ['start', 'web', '--image', 'web=registry.example.com/web:2', ...extra]

export const FLAG_INPUTS: readonly FlagInput[] = [
  quota('unknown flag', ['--frobnicate'], '--frobnicate'),
  quota('invalid -l selector', ['-l', 'app in (web'], 'app in (web'),
  quota('invalid --request-timeout', ['--request-timeout', '5x'], '5x'),
  quota('unknown -o format', ['-o', 'xml'], 'xml'),
  quota('--warn below 1', ['--warn', '0'], '--warn'),
  quota('--top not a number', ['--top', 'three'], 'three'),
  quota('--kubeconfig that does not exist', ['--kubeconfig', '/nonexistent/kubeconfig'], '/nonexistent/kubeconfig'),
  quota('--context that does not exist', ['--context', 'nowhere'], 'nowhere'),
  netpol('unknown flag', ['check', '--frobnicate'], '--frobnicate'),
  netpol('--from that is not ns/pod', check('a/b/c/d', `${NS}/b`, '80'), 'a/b/c/d'),
  netpol('--port out of range', check(`${NS}/a`, `${NS}/b`, '70000'), '70000'),
  netpol('--port that is not a port', check(`${NS}/a`, `${NS}/b`, '-1'), '-1'),
  netpol('--protocol ICMP', check(`${NS}/a`, `${NS}/b`, '80', ['--protocol', 'ICMP']), 'ICMP'),
  netpol('invalid IP in --from', check('ip:999.1.1.1', `${NS}/b`, '80'), '999.1.1.1'),
  netpol('invalid namespace in --to', check(`${NS}/a`, 'Not_A_Namespace/b', '80'), 'Not_A_Namespace'),
  netpol('matrix invalid -l selector', ['matrix', '-l', 'pod notin'], 'pod notin'),
  rollout('unknown flag', ['status', 'web', '--frobnicate'], '--frobnicate'),
  rollout('Deployment name not a DNS name', ['start', 'Bad_Name', '--image', 'x:2'], 'Bad_Name'),
  rollout('empty --image', ['start', 'web', '--image', ''], '--image'),
  rollout('--image with an empty container', ['start', 'web', '--image', '=x:2'], '=x:2'),
  rollout('--steps weight above 100', start(['--steps', '10,150']), '150'),
  rollout('--steps not numbers', start(['--steps', 'ten,twenty']), 'ten'),
  rollout('--pause not a duration', start(['--pause', 'soon']), 'soon'),
  rollout('negative --pause', start(['--pause', '-5s']), '-5s'),
  rollout('--timeout not a duration', start(['--wait', '--timeout', 'forever']), 'forever'),
  cron('unknown flag', ['list', '--frobnicate'], '--frobnicate'),
  cron('schedule minute 61', ['next', '--schedule', '61 * * * *'], '61'),
  cron('schedule with three fields', ['next', '--schedule', '* * *'], '* * *'),
  cron('schedule with TZ= inside', ['validate', 'TZ=Europe/Berlin 0 * * * *'], 'TZ'),
  cron('unknown --time-zone', ['next', '--schedule', '0 * * * *', '--time-zone', 'Mars/Olympus_Mons'], 'Mars/Olympus_Mons'),
  cron('--count 0', ['next', '--schedule', '0 * * * *', '--count', '0'], '0'),
  cron('--from not a time', ['next', '--schedule', '0 * * * *', '--from', 'yesterday'], 'yesterday'),
  cron('--env without =', ['now', 'report', '--env', 'NOEQUALS'], 'NOEQUALS'),
  cron('--job-name not a DNS label', ['now', 'report', '--job-name', 'Bad_Name'], 'Bad_Name'),
  cron('--timeout not a duration', ['now', 'report', '--wait', '--timeout', '5x'], '5x'),
  cron('CronJob name not a DNS name', ['now', 'Not_A_Name!'], 'Not_A_Name!'),
  cron('suspend with invalid -l', ['suspend', '-l', 'a in ('], 'a in ('),
]
