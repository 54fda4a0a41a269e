import {expect, test} from 'vitest'
import {formatRfc3339Time, parseRfc3339Time} from './rfc3339-time.js'

// Go's time.Parse(time.RFC3339, …), which kubectl and the API server use for times: an offset is
// required (a time without one would be read in this machine's zone), and fields must be in range.
test.each([
  {text: '2026-12-24T00:00:00Z', want: '2026-12-24T00:00:00.000Z'},
  {text: '2026-12-24T01:30:00+01:00', want: '2026-12-24T00:30:00.000Z'},
  {text: '2026-12-23T19:00:00-05:00', want: '2026-12-24T00:00:00.000Z'},
  {text: '2026-12-24T00:00:00.5Z', want: '2026-12-24T00:00:00.500Z'},
  {text: '2026-12-24T00:00:00.123456789Z', want: '2026-12-24T00:00:00.123Z'},
  {text: '2028-02-29T12:00:00Z', want: '2028-02-29T12:00:00.000Z'},
])('$text', ({text, want}) => expect(parseRfc3339Time(text, '--from').toISOString()).toBe(want))

test.each([
  {name: 'no offset', text: '2026-12-24T00:00:00'},
  {name: 'a date only', text: '2026-12-24'},
  {name: 'an offset without a colon', text: '2026-12-24T00:00:00+0100'},
  {name: 'no seconds', text: '2026-12-24T00:00Z'},
  {name: 'a day February does not have', text: '2026-02-29T00:00:00Z'},
  {name: 'day 31 of a 30-day month', text: '2026-04-31T00:00:00Z'},
  {name: 'hour 24', text: '2026-12-24T24:00:00Z'},
  {name: 'minute 60', text: '2026-12-24T00:60:00Z'},
  {name: 'month 13', text: '2026-13-01T00:00:00Z'},
  {name: 'words', text: 'yesterday'},
  {name: 'trailing text', text: '2026-12-24T00:00:00Z junk'},
])('rejects $name', ({text}) => {
  expect(() => parseRfc3339Time(text, '--from')).toThrow(`invalid --from "${text}": expected an RFC 3339 time such as 2026-12-24T00:00:00Z`)
})

// As the API server writes times (metav1.Time): whole seconds in UTC, the fraction dropped.
test.each([
  {time: '2026-12-24T00:30:00.000Z', want: '2026-12-24T00:30:00Z'},
  {time: '2026-12-24T00:30:59.999Z', want: '2026-12-24T00:30:59Z'},
])('formats $time as $want', ({time, want}) => expect(formatRfc3339Time(new Date(time))).toBe(want))
