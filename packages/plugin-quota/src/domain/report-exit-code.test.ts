import {expect, test} from 'vitest'
import {reportExitCode} from './report-exit-code.js'

const clean = {failedContexts: 0, breached: 0, missingRequests: 0, failOnMissing: false}

test.each([
  {name: 'everything read, nothing breached', outcome: clean, want: 0},
  {name: 'a quota line at --fail-at', outcome: {...clean, breached: 2}, want: 3},
  {name: 'missing requests alone do not fail', outcome: {...clean, missingRequests: 1}, want: 0},
  {name: 'missing requests with --fail-on-missing', outcome: {...clean, missingRequests: 1, failOnMissing: true}, want: 3},
  {name: 'an unread context', outcome: {...clean, failedContexts: 1}, want: 1},
  {name: 'an unread context wins over a breach: an incomplete report cannot pass a gate', outcome: {...clean, failedContexts: 1, breached: 3}, want: 1},
  {name: 'an unread context wins over --fail-on-missing', outcome: {...clean, failedContexts: 2, missingRequests: 1, failOnMissing: true}, want: 1},
])('$name → $want', ({outcome, want}) => expect(reportExitCode(outcome)).toBe(want))
