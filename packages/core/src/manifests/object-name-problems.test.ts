import {expect, test} from 'vitest'
import {objectNameProblems} from './object-name-problems.js'

// Cases from apimachinery pkg/util/validation/validation_test.go (TestIsDNS1123Subdomain,
// TestIsDNS1123Label, TestIsDNS1035Label) and pkg/api/validation/path/name_test.go.
test.each([
  {rule: 'subdomain', group: '', kind: 'Pod', valid: ['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', '0', '01', '1.a', 'a.b.c.d.e', 'aaa.bbb.ccc', 'a'.repeat(253)], invalid: ['', 'A', 'ABC', 'aBc', 'A1', 'a_1', 'a..1', '-a', 'a-', 'a.', '.a', 'a@b', 'a,b', 'a_b', 'a;b', 'a:b', 'a%b', 'a?b', 'a$b', 'a'.repeat(254)]},
  {rule: 'label (Namespace)', group: '', kind: 'Namespace', valid: ['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', '0', '01', '012', '1a', '1-a', '1--a--b--2', 'a'.repeat(63)], invalid: ['', 'A', 'ABC', 'aBc', 'A1', 'a_1', '-', 'a-', '-a', 'a.b', 'a'.repeat(64)]},
  {rule: 'DNS-1035 (Service)', group: '', kind: 'Service', valid: ['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', 'a'.repeat(63)], invalid: ['0', '01', '012', '1a', '1-a', '', 'A', 'aBc', 'a_1', '-', 'a-', '-a', 'a.b', 'a'.repeat(64)]},
  {rule: 'path segment (Role)', group: 'rbac.authorization.k8s.io', kind: 'Role', valid: ['a', 'system:admin', 'A_b', '...'], invalid: ['.', '..', 'a/b', 'a%b']},
  {rule: 'path segment (PersistentVolume)', group: '', kind: 'PersistentVolume', valid: ['pvc-1', 'Disk_1'], invalid: ['..', 'a/b']},
])('$rule', ({group, kind, valid, invalid}) => {
  for (const name of valid) expect(objectNameProblems(group, kind, name), name).toEqual([])
  for (const name of invalid) expect(objectNameProblems(group, kind, name), name).not.toEqual([])
})

test('too long and malformed gives both of the API server\'s messages', () => {
  expect(objectNameProblems('', 'Namespace', 'A'.repeat(64))).toEqual([
    'must be no more than 63 characters',
    expect.stringMatching(/^a lowercase RFC 1123 label must consist of/),
  ])
})
