/** One request the sandbox answered. */
export interface LoggedRequest {
  method: string
  path: string
  verb: string
  resource?: string
  subresource?: string
  namespace?: string
  name?: string
  user?: string
  /** 0 while the request is still being answered (an open watch). */
  status: number
}

export type RequestFilter = Partial<Pick<LoggedRequest, 'verb' | 'resource' | 'subresource' | 'namespace' | 'name' | 'user' | 'status'>>

export interface RequestCount {
  verb: string
  resource: string
  namespace: string
  count: number
}

/** Every request in order, so tests and benchmarks can assert what a command cost in API calls. */
export class RequestLog {
  private readonly requests: LoggedRequest[] = []

  /** Adds a request and returns its entry, which the caller completes (status, user). */
  record(request: LoggedRequest): LoggedRequest {
    this.requests.push(request)
    return request
  }

  entries(filter: RequestFilter = {}): LoggedRequest[] {
    return this.requests.filter((request) => matchesFilter(request, filter))
  }

  /** How many requests match, e.g. count({verb: 'list', resource: 'pods'}). */
  count(filter: RequestFilter = {}): number {
    return this.entries(filter).length
  }

  /** Counts per verb, resource (with subresource as "pods/log") and namespace, for resource requests. */
  counts(): RequestCount[] {
    const counts = new Map<string, RequestCount>()
    for (const {verb, resource, subresource, namespace} of this.requests) {
      if (resource === undefined) continue
      const entry = {verb, resource: subresource ? `${resource}/${subresource}` : resource, namespace: namespace ?? ''}
      const id = `${entry.verb} ${entry.resource} ${entry.namespace}`
      const existing = counts.get(id)
      if (existing) existing.count++
      else counts.set(id, {...entry, count: 1})
    }
    return [...counts.values()]
  }

  clear(): void {
    this.requests.length = 0
  }
}

function matchesFilter(request: LoggedRequest, filter: RequestFilter): boolean {
  return Object.entries(filter).every(([field, value]) => value === undefined || request[field as keyof LoggedRequest] === value)
}
