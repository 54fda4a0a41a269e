import type {PluginBinary} from '@kubeline/sandbox/e2e'
import {NS} from '../commands/workloads.js'
import type {ManifestInput} from './manifest-inputs.js'
import {MANIFEST_INPUTS, POLICY_INPUTS, WORKLOAD_INPUTS} from './manifest-inputs.js'

/** A command that reads manifests with -f, and which inputs it interprets. */
export interface ManifestReader {
  name: string
  binary: PluginBinary
  args(path: string): string[]
  inputs: readonly ManifestInput[]
}

const endpoints = ['--from', `${NS}/a`, '--to', `${NS}/b`, '--port', '80']

export const MANIFEST_READERS: readonly ManifestReader[] = [
  {name: 'quota-report -f', binary: 'kubectl-quota_report', args: (path) => ['-f', path], inputs: [...MANIFEST_INPUTS, ...WORKLOAD_INPUTS]},
  {name: 'quota-report -f --offline', binary: 'kubectl-quota_report', args: (path) => ['-f', path, '--offline'], inputs: [...MANIFEST_INPUTS, ...WORKLOAD_INPUTS]},
  {name: 'netpol-test check -f --offline', binary: 'kubectl-netpol_test', args: (path) => ['check', '-f', path, '--offline', ...endpoints], inputs: [...MANIFEST_INPUTS, ...POLICY_INPUTS]},
  {name: 'netpol-test matrix -f', binary: 'kubectl-netpol_test', args: (path) => ['matrix', '-f', path], inputs: [...MANIFEST_INPUTS, ...POLICY_INPUTS]},
]

/** Every (reader, input) pair, named "<command>: <input>": the count docs/reliability.md reports. */
export function manifestCases(readers: readonly ManifestReader[]): {name: string; reader: ManifestReader; input: ManifestInput}[] {
  return readers.flatMap((reader) => reader.inputs.map((input) => ({name: `${reader.name}: ${input.name}`, reader, input})))
}
