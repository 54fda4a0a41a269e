import {expect, test} from 'vitest'
import {dstAnomalies} from './dst-anomalies.js'

const year2024 = {from: new Date('2024-01-01T00:00:00Z'), until: new Date('2025-01-01T00:00:00Z')}

test('a daily 02:30 in Berlin is skipped in March and runs twice in October', () => {
  expect(dstAnomalies('30 2 * * *', {timeZone: 'Europe/Berlin', ...year2024})).toEqual({
    firesTwice: true,
    skipsRuns: true,
    anomalies: [
      {kind: 'skipped', transition: new Date('2024-03-31T01:00:00Z'), wallTime: '2024-03-31T02:30', runs: []},
      {kind: 'repeated', transition: new Date('2024-10-27T01:00:00Z'), wallTime: '2024-10-27T02:30',
        runs: [new Date('2024-10-27T00:30:00Z'), new Date('2024-10-27T01:30:00Z')]},
    ],
  })
})

test('an hourly schedule in New York loses 02:00 in spring and repeats 01:00 in fall', () => {
  const report = dstAnomalies('0 * * * *', {timeZone: 'America/New_York', from: new Date('2012-01-01T00:00:00Z'), until: new Date('2013-01-01T00:00:00Z')})
  expect(report.anomalies.map(({kind, wallTime, runs}) => ({kind, wallTime, runs: runs.length}))).toEqual([
    {kind: 'skipped', wallTime: '2012-03-11T02:00', runs: 0},
    {kind: 'repeated', wallTime: '2012-11-04T01:00', runs: 2},
  ])
})

test('Lord Howe repeats half an hour: every quarter hour runs 01:30 and 01:45 twice', () => {
  const report = dstAnomalies('*/15 * * * *', {timeZone: 'Australia/Lord_Howe', from: new Date('2024-04-01T00:00:00Z'), until: new Date('2024-05-01T00:00:00Z')})
  expect(report.anomalies.map((anomaly) => anomaly.wallTime)).toEqual(['2024-04-07T01:30', '2024-04-07T01:45'])
})

test.each([
  {name: 'a time outside the transitions', schedule: '0 12 * * *', timeZone: 'Europe/Berlin'},
  {name: 'a zone without DST', schedule: '30 2 * * *', timeZone: 'Asia/Kolkata'},
  {name: 'UTC', schedule: '* * * * *', timeZone: 'UTC'},
  {name: '@every, which ignores wall clocks', schedule: '@every 1h', timeZone: 'Europe/Berlin'},
  {name: 'a gap on a day the schedule does not run', schedule: '30 2 * * 1-5', timeZone: 'Europe/Berlin'},
])('no anomaly for $name', ({schedule, timeZone}) => {
  expect(dstAnomalies(schedule, {timeZone, ...year2024})).toEqual({firesTwice: false, skipsRuns: false, anomalies: []})
})

test('only transitions inside the window count', () => {
  const summer = {from: new Date('2024-04-01T00:00:00Z'), until: new Date('2024-10-01T00:00:00Z')}
  expect(dstAnomalies('30 2 * * *', {timeZone: 'Europe/Berlin', ...summer}).anomalies).toEqual([])
})
