import {execFileSync} from 'node:child_process'
import {chmodSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {parseProbeOutput} from './probe-output.js'
import {agnhostConnectCommand, probeContainer} from './probe-program.js'
import type {ProbeTarget} from './probe-target.js'

const TARGETS: ProbeTarget[] = [
  {protocol: 'TCP', address: '10.0.0.1', port: 80},
  {protocol: 'UDP', address: 'fd00::2', port: 81},
  {protocol: 'SCTP', address: '10.0.0.3', port: 9000},
  {protocol: 'TCP', address: '10.0.0.4', port: 443},
]

/** A stand-in for agnhost: connects to 10.0.0.1 only, refuses 10.0.0.4, times out otherwise, and prints like agnhost. */
const FAKE_AGNHOST = `#!/bin/sh
echo "$@" >> "$(dirname "$0")/calls"
case "$2" in
  10.0.0.1:80) exit 0 ;;
  10.0.0.4:443) echo "REFUSED" >&2; echo "dial tcp 10.0.0.4:443: connect: * refused" >&2; exit 1 ;;
  *) echo "TIMEOUT" >&2; exit 1 ;;
esac
`

describe('the probe program', () => {
  test('run by a real shell, it connects to each target in order and prints lines parseProbeOutput reads', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'probe-program-'))
    const agnhost = path.join(dir, 'agnhost')
    writeFileSync(agnhost, FAKE_AGNHOST)
    chmodSync(agnhost, 0o755)
    const container = probeContainer('kubeline-probe-abcde', 'agnhost', TARGETS, 2)
    const [shell = '', flag = '', script = ''] = container.command
    const env = Object.fromEntries(container.env.map(({name, value}) => [name, value]))
    const output = execFileSync(shell, [flag, script.replaceAll('/agnhost', agnhost)], {env: {...env, PATH: process.env.PATH}, cwd: dir, encoding: 'utf8'})

    expect([...parseProbeOutput(output.split('\n'))]).toEqual([
      ['tcp:10.0.0.1:80', {connected: true, message: 'OK'}],
      ['udp:[fd00::2]:81', {connected: false, message: 'TIMEOUT'}],
      ['sctp:10.0.0.3:9000', {connected: false, message: 'TIMEOUT'}],
      // agnhost's two lines folded onto one, and its "*" not expanded into file names.
      ['tcp:10.0.0.4:443', {connected: false, message: 'REFUSED dial tcp 10.0.0.4:443: connect: * refused'}],
    ])
    expect(execFileSync('cat', [path.join(dir, 'calls')], {encoding: 'utf8'}).trim().split('\n')).toEqual([
      'connect 10.0.0.1:80 --timeout=2s --protocol=tcp',
      'connect [fd00::2]:81 --timeout=2s --protocol=udp',
      'connect 10.0.0.3:9000 --timeout=2s --protocol=sctp',
      'connect 10.0.0.4:443 --timeout=2s --protocol=tcp',
    ])
  })

  test('the container carries the targets in its environment, and nothing that needs privileges', () => {
    const container = probeContainer('kubeline-probe-abcde', 'registry.example/agnhost:2.53', TARGETS.slice(0, 2), 1)
    expect(container).toMatchObject({
      name: 'kubeline-probe-abcde',
      image: 'registry.example/agnhost:2.53',
      env: [
        {name: 'KUBELINE_PROBE_TARGETS', value: 'tcp:10.0.0.1:80 udp:[fd00::2]:81'},
        {name: 'KUBELINE_PROBE_TIMEOUT', value: '1'},
      ],
    })
    expect(Object.keys(container).sort()).toEqual(['command', 'env', 'image', 'name', 'stdin', 'tty'])
  })

  test('exec form: agnhost connect, as the upstream conformance tests run it', () => {
    expect(agnhostConnectCommand(TARGETS[1] as ProbeTarget, 3)).toEqual(['/agnhost', 'connect', '[fd00::2]:81', '--timeout=3s', '--protocol=udp'])
  })
})
