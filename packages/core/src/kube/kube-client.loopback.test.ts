import {afterEach, describe, expect, test} from 'vitest'
import {KubelineError} from '../errors/kubeline-error.js'
import {connect} from './connect.js'
import type {KubeObject} from './kube-object.js'
import {RESOURCES} from './resource-types.js'
import {startLoopbackApi} from './test-support/loopback-api.js'
import type {LoopbackHandler} from './test-support/loopback-api.js'
import type {WatchEvent} from './watch-stream.js'

let close: (() => Promise<void>) | undefined
afterEach(async () => {
  await close?.()
  close = undefined
})

async function serve(handler: LoopbackHandler) {
  const api = await startLoopbackApi(handler)
  close = api.close
  return api
}

const job = (rv: string, phase: string): KubeObject => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: {name: 'nightly-1', namespace: 'default', resourceVersion: rv},
  status: {phase},
})

const summary = (event: WatchEvent) => `${event.type} ${event.object.metadata.name}@${event.object.metadata.resourceVersion}`

describe('--request-timeout against a real server', () => {
  test('a slow answer fails with TIMEOUT after the timeout, not after the server', async () => {
    const api = await serve((_req, res) => setTimeout(() => res.end('{}'), 3000))
    const kube = await connect({kubeconfig: api.kubeconfig, env: {}, requestTimeoutMs: 300})
    const started = Date.now()
    const err = await kube.get(RESOURCES.pods, 'slow').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(KubelineError)
    expect((err as KubelineError).code).toBe('TIMEOUT')
    expect((err as KubelineError).message).toMatch(/did not answer get pods "slow" in namespace "default" within 300ms/)
    expect(Date.now() - started).toBeLessThan(2500)
    // A timeout is not retried. (On a loaded machine the first attempt may time out before the
    // server has even seen it, so "at most one" is the invariant.)
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(api.requests.length).toBeLessThanOrEqual(1)
  })

  test('no timeout by default (kubectl: 0 means none)', async () => {
    const api = await serve((_req, res) => setTimeout(() => res.end(JSON.stringify(job('1', 'x'))), 400))
    const kube = await connect({kubeconfig: api.kubeconfig, env: {}})
    expect((await kube.get(RESOURCES.jobs, 'nightly-1')).metadata.resourceVersion).toBe('1')
  })

  test('a dropped connection on a read is retried', async () => {
    let calls = 0
    const api = await serve((req, res) => {
      calls++
      if (calls === 1) return req.socket.destroy()
      res.end(JSON.stringify(job('2', 'Running')))
    })
    const kube = await connect({kubeconfig: api.kubeconfig, env: {}, sleep: async () => {}})
    expect((await kube.get(RESOURCES.jobs, 'nightly-1')).metadata.resourceVersion).toBe('2')
    expect(api.requests).toHaveLength(2)
  })
})

describe('watch', () => {
  test('lists first, resumes from the last resourceVersion after a dropped stream', async () => {
    const api = await serve((req, res, url) => {
      if (url.searchParams.get('watch') !== '1') {
        return res.end(JSON.stringify({metadata: {resourceVersion: '5'}, items: [job('5', 'Pending')]}))
      }
      res.writeHead(200, {'Content-Type': 'application/json'})
      if (url.searchParams.get('resourceVersion') === '5') {
        res.write(JSON.stringify({type: 'MODIFIED', object: job('6', 'Running')}) + '\n')
        setTimeout(() => req.socket.destroy(), 20) // the stream drops mid-wait
      } else if (url.searchParams.get('resourceVersion') === '6') {
        res.write(JSON.stringify({type: 'BOOKMARK', object: {metadata: {resourceVersion: '8'}}}) + '\n')
        res.end(JSON.stringify({type: 'MODIFIED', object: job('9', 'Complete')}) + '\n')
      }
    })
    const kube = await connect({kubeconfig: api.kubeconfig, env: {}})
    const reasons: string[] = []
    const events: string[] = []
    for await (const event of kube.watch(RESOURCES.jobs, {fieldSelector: 'metadata.name=nightly-1', onReconnect: (r) => reasons.push(r)})) {
      events.push(summary(event))
      if (event.object.status && (event.object.status as {phase: string}).phase === 'Complete') break
    }
    expect(events).toEqual(['ADDED nightly-1@5', 'MODIFIED nightly-1@6', 'MODIFIED nightly-1@9'])
    const watches = api.requests.filter((r) => r.includes('watch=1'))
    expect(watches).toHaveLength(2)
    expect(watches[0]).toContain('resourceVersion=5')
    expect(watches[1]).toContain('resourceVersion=6')
    expect(watches[0]).toContain('fieldSelector=metadata.name%3Dnightly-1')
    expect(reasons.length).toBeGreaterThan(0)
  })

  test('re-lists on 410 Gone and reports what changed meanwhile, including deletions', async () => {
    let lists = 0
    const api = await serve((_req, res, url) => {
      if (url.searchParams.get('watch') !== '1') {
        lists++
        const items = lists === 1 ? [job('5', 'Running')] : []
        return res.end(JSON.stringify({metadata: {resourceVersion: lists === 1 ? '5' : '20'}, items}))
      }
      res.writeHead(200)
      if (url.searchParams.get('resourceVersion') === '5') {
        res.end(JSON.stringify({type: 'ERROR', object: {kind: 'Status', code: 410, reason: 'Expired', message: 'too old resource version'}}) + '\n')
      } else {
        res.end()
      }
    })
    const kube = await connect({kubeconfig: api.kubeconfig, env: {}})
    const events: string[] = []
    for await (const event of kube.watch(RESOURCES.jobs)) {
      events.push(summary(event))
      if (event.type === 'DELETED') break
    }
    expect(events).toEqual(['ADDED nightly-1@5', 'DELETED nightly-1@5'])
    expect(lists).toBe(2)
  })

  test('stops when the caller aborts', async () => {
    const api = await serve((_req, res, url) => {
      if (url.searchParams.get('watch') !== '1') return res.end(JSON.stringify({metadata: {resourceVersion: '1'}, items: []}))
      res.writeHead(200)
      res.write('\n') // keep the stream open, sending nothing
    })
    const kube = await connect({kubeconfig: api.kubeconfig, env: {}})
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 100)
    const events: WatchEvent[] = []
    for await (const event of kube.watch(RESOURCES.jobs, {signal: controller.signal})) events.push(event)
    expect(events).toEqual([])
  })
})

describe('logs', () => {
  test('follows a log stream line by line across chunk boundaries', async () => {
    const api = await serve((_req, res, url) => {
      expect(url.pathname).toBe('/api/v1/namespaces/default/pods/nightly-1-abc/log')
      expect(url.searchParams.get('follow')).toBe('true')
      res.writeHead(200, {'Content-Type': 'text/plain'})
      res.write('starting\nhalf ')
      setTimeout(() => res.end('a line\ndone'), 30)
    })
    const kube = await connect({kubeconfig: api.kubeconfig, env: {}})
    const lines: string[] = []
    for await (const line of kube.logs('nightly-1-abc', {follow: true})) lines.push(line)
    expect(lines).toEqual(['starting', 'half a line', 'done'])
  })
})
