import type {IncomingMessage, ServerResponse} from 'node:http'
import {notFound} from '../store/api-error.js'
import type {KubeObject} from '../store/object-store.js'
import type {ApiContext, ApiTarget} from './api-context.js'
import {requestedContainer, requireStartedIfEphemeral} from './pod-container.js'
import {isTrue} from './request-info.js'

/**
 * GET pods/NAME/log: the lines the controllers appended for the container, as text/plain.
 * With follow=true the response stays open for new lines until the container finishes,
 * the pod is deleted or the client goes away.
 */
export async function handleLog(context: ApiContext, target: ApiTarget, _req: IncomingMessage, res: ServerResponse): Promise<void> {
  const namespace = target.namespace!
  const podName = target.info.name!
  const pod = context.store.peek(target.key, namespace, podName)
  if (!pod) throw notFound('', 'pods', podName)
  const params = target.url.searchParams
  const container = requestedContainer(pod, params.get('container'))
  requireStartedIfEphemeral(pod, container)
  const tailLines = params.get('tailLines')
  const lines = context.podLogs.lines(namespace, podName, container)
  res.writeHead(200, {'Content-Type': 'text/plain', 'Transfer-Encoding': 'chunked'})
  res.flushHeaders()
  for (const line of tailLines === null ? lines : lines.slice(Math.max(0, lines.length - Number(tailLines)))) res.write(`${line}\n`)
  if (!isTrue(params.get('follow')) || isTerminated(pod)) {
    res.end()
    return
  }
  await new Promise<void>((resolve) => {
    const stopFollowing = context.podLogs.follow(namespace, podName, container, (line) => res.write(`${line}\n`), () => res.end())
    const stopWatchingPod = context.store.onChange(({event}) => {
      const {object} = event
      if (event.key.resource === 'pods' && event.key.group === '' && object.metadata.namespace === namespace && object.metadata.name === podName) {
        if (event.type === 'DELETED') res.end()
      }
    })
    res.once('close', () => {
      stopFollowing()
      stopWatchingPod()
      resolve()
    })
  })
}

function isTerminated(pod: KubeObject): boolean {
  const phase = (pod.status as {phase?: string} | undefined)?.phase
  return phase === 'Succeeded' || phase === 'Failed'
}
