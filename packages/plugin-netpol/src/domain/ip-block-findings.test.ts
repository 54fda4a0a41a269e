import {expect, test} from 'vitest'
import {ipBlockExceptFindings} from './ip-block-findings.js'
import {networkPolicy} from './test-support/cluster-builders.js'

test.each([
  {name: 'except inside the CIDR: no finding', except: ['10.1.0.0/16'], paths: []},
  {name: 'except outside the CIDR', except: ['192.168.0.0/16'], paths: ['spec.egress[0].to[0].ipBlock.except[0]']},
  {name: 'except equal to the CIDR is not a strict subset', except: ['10.1.0.0/16', '10.0.0.0/8'], paths: ['spec.egress[0].to[0].ipBlock.except[1]']},
  {name: 'except of the other family', except: ['fd00::/64'], paths: ['spec.egress[0].to[0].ipBlock.except[0]']},
])('$name', ({except, paths}) => {
  const findings = ipBlockExceptFindings(networkPolicy('prod/p', {egress: [{to: [{ipBlock: {cidr: '10.0.0.0/8', except}}]}]}))
  expect(findings.map((f) => f.path)).toEqual(paths)
  findings.forEach((f) => expect(f).toMatchObject({policy: 'prod/p', cidr: '10.0.0.0/8', message: `except ${f.except} is not a strict subnet of 10.0.0.0/8`}))
})
