import {isJsonObject} from './json-object.js'
import type {AnalysisSample} from './analysis-verdict.js'

/**
 * The values of a Prometheus instant-query response (GET/POST /api/v1/query): one per series of a
 * vector, the one of a scalar. Values are strings on the wire: "NaN", "+Inf" and "-Inf" included.
 * An error response, or a matrix or string result, gives the reason instead: the gate then fails.
 */
export function prometheusSample(body: unknown): AnalysisSample | {error: string} {
  if (!isJsonObject(body)) return {error: 'the response is not a JSON object'}
  if (body.status !== 'success') {
    const detail = [body.errorType, body.error].filter((part) => typeof part === 'string' && part !== '').join(': ')
    return {error: detail === '' ? `status ${String(body.status)}` : detail}
  }
  const data = isJsonObject(body.data) ? body.data : {}
  if (data.resultType === 'scalar') return sampleOf([data.result])
  if (data.resultType === 'vector' && Array.isArray(data.result)) {
    return sampleOf(data.result.map((series: unknown) => (isJsonObject(series) ? series.value : undefined)))
  }
  return {error: `expected a vector or scalar result, got ${String(data.resultType)}: use an instant query that returns one number`}
}

function sampleOf(points: unknown[]): AnalysisSample | {error: string} {
  const values = points.map((point) => (Array.isArray(point) && typeof point[1] === 'string' ? sampleValue(point[1]) : undefined))
  if (values.some((value) => value === undefined)) return {error: 'a result value is not a [time, "number"] pair'}
  return values as number[]
}

function sampleValue(text: string): number | undefined {
  if (text === '+Inf' || text === 'Inf') return Number.POSITIVE_INFINITY
  if (text === '-Inf') return Number.NEGATIVE_INFINITY
  if (text === 'NaN') return Number.NaN
  const value = Number(text)
  return text.trim() === '' || Number.isNaN(value) ? undefined : value
}
