import {expect, test} from 'vitest'
import {prometheusSample} from './prometheus-response.js'

// Shapes from the Prometheus HTTP API docs (docs/querying/api.md, "Instant queries" and "Expression query result formats").
const vector = (...values: string[]) => ({status: 'success', data: {resultType: 'vector', result: values.map((value, index) => ({metric: {pod: `p${index}`}, value: [1_700_000_000.5, value]}))}})

test.each([
  {name: 'one series', body: vector('0.99'), want: [0.99]},
  {name: 'several series, in order', body: vector('1', '2.5'), want: [1, 2.5]},
  {name: 'empty vector (no data)', body: vector(), want: []},
  {name: 'NaN', body: vector('NaN'), want: [Number.NaN]},
  {name: '+Inf and -Inf', body: vector('+Inf', '-Inf'), want: [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]},
  {name: 'exponent notation', body: vector('1e-3'), want: [0.001]},
  {name: 'scalar', body: {status: 'success', data: {resultType: 'scalar', result: [1_700_000_000, '42']}}, want: [42]},
  {name: 'error response', body: {status: 'error', errorType: 'bad_data', error: 'parse error at char 3'}, want: {error: 'bad_data: parse error at char 3'}},
  {name: 'error without details', body: {status: 'error'}, want: {error: 'status error'}},
  {name: 'range query result', body: {status: 'success', data: {resultType: 'matrix', result: []}}, want: {error: 'expected a vector or scalar result, got matrix: use an instant query that returns one number'}},
  {name: 'string result', body: {status: 'success', data: {resultType: 'string', result: [1, 'x']}}, want: {error: 'expected a vector or scalar result, got string: use an instant query that returns one number'}},
  {name: 'not an object', body: ['success'], want: {error: 'the response is not a JSON object'}},
  {name: 'value not a string', body: {status: 'success', data: {resultType: 'vector', result: [{metric: {}, value: [1, 0.5]}]}}, want: {error: 'a result value is not a [time, "number"] pair'}},
  {name: 'value not a number', body: vector('fast'), want: {error: 'a result value is not a [time, "number"] pair'}},
])('$name', ({body, want}) => expect(prometheusSample(body)).toEqual(want))
