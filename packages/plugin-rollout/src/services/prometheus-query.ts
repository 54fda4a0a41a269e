import type {AnalysisSample} from '../domain/analysis-verdict.js'
import {prometheusSample} from '../domain/prometheus-response.js'

/**
 * One instant query through the Prometheus HTTP API (POST /api/v1/query, form-encoded, so long
 * queries fit). Transport failures, HTTP errors and error responses come back as `{error}`: for a
 * gate they are a failed check, not a crash.
 */
export async function queryPrometheus(baseUrl: string, query: string, timeoutMs: number): Promise<AnalysisSample | {error: string}> {
  const endpoint = new URL('api/v1/query', baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`)
  let response: Response
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: {'content-type': 'application/x-www-form-urlencoded', accept: 'application/json'},
      body: new URLSearchParams({query}),
      signal: AbortSignal.timeout(timeoutMs),
    })
  } catch (err) {
    const cause = (err as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000}s` : describeFetchFailure(err)
    return {error: `${endpoint.host}: ${cause}`}
  }
  const text = await response.text()
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return {error: `${endpoint.host} answered HTTP ${response.status} without JSON`}
  }
  return prometheusSample(body)
}

function describeFetchFailure(err: unknown): string {
  const cause = (err as {cause?: {code?: string; message?: string}}).cause
  return cause?.code ?? cause?.message ?? (err as Error).message
}
