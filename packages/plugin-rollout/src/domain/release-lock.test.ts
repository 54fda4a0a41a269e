import {describe, expect, test} from 'vitest'
import {acquireLock, isLockExpired, releaseLock} from './release-lock.js'
import {at} from './test-support/release-fixtures.js'

const TTL = 60_000
const held = (holder: string, expiresAtSeconds: number) => ({lock: {holder, expiresAt: at(expiresAtSeconds)}})

describe('acquireLock', () => {
  test.each([
    {name: 'no lock: granted', state: {}, holder: 'ci', now: 0, force: false, want: {kind: 'granted', lock: {holder: 'ci', expiresAt: at(60)}}},
    {name: 'own lock: renewed', state: held('ci', 30), holder: 'ci', now: 10, force: false, want: {kind: 'granted', lock: {holder: 'ci', expiresAt: at(70)}}},
    {name: 'own expired lock: granted', state: held('ci', 5), holder: 'ci', now: 10, force: false, want: {kind: 'granted', lock: {holder: 'ci', expiresAt: at(70)}}},
    {name: 'other, valid: refused', state: held('bob', 30), holder: 'ci', now: 10, force: false, want: {kind: 'refused', holder: 'bob', until: at(30)}},
    {name: 'other, expires exactly now: granted', state: held('bob', 30), holder: 'ci', now: 30, force: false, want: {kind: 'granted', lock: {holder: 'ci', expiresAt: at(90)}}},
    {name: 'other, one second left: refused', state: held('bob', 30), holder: 'ci', now: 29, force: false, want: {kind: 'refused', holder: 'bob', until: at(30)}},
    {name: 'other, expired: granted without force', state: held('bob', 30), holder: 'ci', now: 31, force: false, want: {kind: 'granted', lock: {holder: 'ci', expiresAt: at(91)}}},
    {name: 'other, valid, force: taken over', state: held('bob', 30), holder: 'ci', now: 10, force: true, want: {kind: 'takenOver', lock: {holder: 'ci', expiresAt: at(70)}, previous: {holder: 'bob', expiresAt: at(30)}}},
    {name: 'force on a free lock: plain grant', state: {}, holder: 'ci', now: 0, force: true, want: {kind: 'granted', lock: {holder: 'ci', expiresAt: at(60)}}},
  ])('$name', ({state, holder, now, force, want}) => {
    expect(acquireLock(state, holder, at(now), TTL, force)).toEqual(want)
  })

  test.each([
    {holder: ' ', ttl: TTL, message: /invalid lock holder/},
    {holder: 'ci', ttl: 0, message: /invalid lock TTL 0ms/},
    {holder: 'ci', ttl: 1.5, message: /invalid lock TTL 1.5ms/},
  ])('rejects holder "$holder" ttl $ttl', ({holder, ttl, message}) => {
    expect(() => acquireLock({}, holder, at(0), ttl, false)).toThrow(message)
  })
})

describe('isLockExpired / releaseLock', () => {
  test.each([
    {now: 29, want: false},
    {now: 30, want: true},
    {now: 31, want: true},
  ])('expiry at 30s, now $now s -> $want', ({now, want}) => expect(isLockExpired(held('bob', 30).lock, at(now))).toBe(want))

  test.each([
    {name: 'own lock is removed', state: held('ci', 30), holder: 'ci', want: undefined},
    {name: "another's lock stays", state: held('bob', 30), holder: 'ci', want: held('bob', 30).lock},
    {name: 'no lock stays none', state: {}, holder: 'ci', want: undefined},
  ])('$name', ({state, holder, want}) => expect(releaseLock(state, holder)).toEqual(want))
})
