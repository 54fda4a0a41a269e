import {describe, expect, test} from 'vitest'
import {junitReport, xmlText} from './junit-report.js'
import {SAMPLE_REPORT} from './test-support/sample-test-report.js'

describe('junitReport', () => {
  test('testsuites > testsuite > testcase, failure and error with escaped text (pinned)', () => {
    expect(junitReport(SAMPLE_REPORT)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="kubectl netpol-test run" tests="3" failures="1" errors="1">',
        '  <testsuite name="shop" tests="3" failures="1" errors="1" skipped="0">',
        '    <properties><property name="source" value="tests.yaml:1"/></properties>',
        '    <testcase name="b reaches a" classname="shop"/>',
        '    <testcase name="a &lt;reaches&gt; &quot;b&quot; &amp; #1" classname="shop">',
        '      <failure message="expected allow, got DENY" type="UnexpectedVerdict">DENY x/a -&gt; x/b TCP/80',
        'egress of x/a: allowed: no policy isolates the pod for egress (Kubernetes allows by default)',
        'ingress of x/b: denied: isolated by NetworkPolicy x/deny-b, and no rule of theirs allows this connection</failure>',
        '    </testcase>',
        '    <testcase name="ghost" classname="shop">',
        '      <error message="pod &quot;ghost&quot; not found in namespace &quot;x&quot;" type="EndpointNotFound"></error>',
        '    </testcase>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    )
  })

  test('an empty report is still a document', () => {
    expect(junitReport({suites: []})).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="kubectl netpol-test run" tests="0" failures="0" errors="0">\n</testsuites>\n')
  })
})

describe('xmlText', () => {
  test.each([
    {text: `a&b<c>d"e'f`, want: 'a&amp;b&lt;c&gt;d&quot;e&apos;f'},
    {text: 'tab\tand\nnewline\r', want: 'tab\tand\nnewline\r'},
    {text: 'bell\u0007 esc\u001b nul\u0000', want: 'bell\ufffd esc\ufffd nul\ufffd'},
    {text: 'lone \ud800 surrogate, \ufffe', want: 'lone \ufffd surrogate, \ufffd'},
    {text: 'emoji 🙂 and 日本', want: 'emoji 🙂 and 日本'},
    {text: '&amp;', want: '&amp;amp;'},
  ])('$want', ({text, want}) => {
    expect(xmlText(text)).toBe(want)
  })
})
