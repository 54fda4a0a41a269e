import {connect} from '../kube/connect.js'
import {RESOURCES} from '../kube/resource-types.js'
import type {LiveLookup} from './complete-plugin-args.js'

/** A TAB press must not hang: one attempt, a short timeout. */
const LOOKUP_TIMEOUT_MS = 2000

/** The sorted names of the lookup's resource in the target cluster (namespace from -n or the context). */
export async function listLiveNames(lookup: LiveLookup, env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  const client = await connect({...lookup.target, env, requestTimeoutMs: LOOKUP_TIMEOUT_MS, maxAttempts: 1})
  const list = await client.list(RESOURCES[lookup.resource])
  return list.items.flatMap((item) => (item.metadata.name === undefined ? [] : [item.metadata.name])).sort()
}
