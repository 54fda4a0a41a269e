import {expect, test} from 'vitest'
import type {ConnectionAttempt, ProbeOutcome} from '../network/connection-probe.js'
import {agnhost} from './agnhost.js'
import {execCommand} from './exec-program.js'

const source = {namespace: 'x', name: 'a'}
/** Port 80 connects, 81 is dropped, anything else refused; records what was asked. */
function recordingProbe() {
  const attempts: ConnectionAttempt[] = []
  const probe = (_source: unknown, attempt: ConnectionAttempt): ProbeOutcome => {
    attempts.push(attempt)
    return attempt.port === 80 ? 'OK' : attempt.port === 81 ? 'TIMEOUT' : 'REFUSED'
  }
  return {attempts, probe}
}

test.each([
  {args: ['connect', '10.0.0.1:80', '--timeout=1s', '--protocol=tcp'], want: {stdout: '', stderr: '', exitCode: 0}, attempt: {protocol: 'tcp', host: '10.0.0.1', port: 80}},
  {args: ['connect', '10.0.0.1:81', '--timeout', '1s'], want: {stdout: '', stderr: 'TIMEOUT\n', exitCode: 1}, attempt: {protocol: 'tcp', host: '10.0.0.1', port: 81}},
  {args: ['connect', '--protocol=udp', '[fd00::1]:82'], want: {stdout: '', stderr: 'REFUSED\n', exitCode: 1}, attempt: {protocol: 'udp', host: 'fd00::1', port: 82}},
  {args: ['connect', '10.0.0.1:80', '--protocol=sctp'], want: {stdout: '', stderr: '', exitCode: 0}, attempt: {protocol: 'sctp', host: '10.0.0.1', port: 80}},
  {args: ['connect', '10.0.0.1:80', '--protocol=icmp'], want: {stdout: '', stderr: 'Unsupported protocol\nicmp', exitCode: 1}},
  {args: ['connect', '10.0.0.1'], want: {stdout: '', stderr: 'UNKNOWN: address 10.0.0.1: missing port in address\n', exitCode: 1}},
  {args: ['connect'], want: {stdout: '', stderr: 'Error: accepts 1 arg(s), received 0\n', exitCode: 1}},
  {args: ['connect', '10.0.0.1:80', '--timeout=soon'], want: {stdout: '', stderr: 'Error: invalid argument "soon" for "--timeout" flag: time: invalid duration "soon"\n', exitCode: 1}},
  {args: ['connect', '10.0.0.1:80', '--verbose'], want: {stdout: '', stderr: 'Error: unknown flag: --verbose\n', exitCode: 1}},
  {args: ['netexec'], want: {stdout: '', stderr: `Error: unknown command "netexec" for "agnhost"\nRun 'agnhost --help' for usage.\n`, exitCode: 1}},
])('agnhost $args', ({args, want, attempt}) => {
  const {attempts, probe} = recordingProbe()
  expect(agnhost(args, source, probe)).toEqual(want)
  expect(attempts).toEqual(attempt ? [attempt] : [])
})

const agnhostContainer = {name: 'app', image: 'registry.k8s.io/e2e-test-images/agnhost:2.53'}

test.each([
  {command: ['/agnhost', 'connect', '10.0.0.1:81'], container: agnhostContainer, want: {kind: 'exited', exitCode: 1, stderr: 'TIMEOUT\n'}},
  {command: ['agnhost', 'connect', '10.0.0.1:80'], container: agnhostContainer, want: {kind: 'exited', exitCode: 0, stderr: ''}},
  {command: ['/agnhost', 'connect', '10.0.0.1:80'], container: {name: 'app', image: 'nginx'}, want: {kind: 'notStarted', message: expect.stringMatching(/^failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "\/agnhost": stat \/agnhost: no such file or directory: unknown$/)}},
  {command: ['curl', 'http://10.0.0.1'], container: agnhostContainer, want: {kind: 'notStarted', message: expect.stringContaining('exec: "curl": executable file not found in $PATH: unknown')}},
])('exec $command in $container.image', ({command, container, want}) => {
  expect(execCommand(command, container, source, recordingProbe().probe)).toMatchObject(want)
})
