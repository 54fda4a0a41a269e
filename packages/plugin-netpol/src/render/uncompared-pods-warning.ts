/** Pods named in the warning; the rest are counted. */
const NAMED_PODS = 5

/**
 * `--port declared` compares nothing towards a pod that declares no port (`diff`, `matrix`): a cut
 * there would go unseen, so stderr names such pods and says how to include them.
 */
export function uncomparedPodsWarning(pods: readonly string[], protocols: readonly string[]): string {
  const one = pods.length === 1
  const named = pods.slice(0, NAMED_PODS).join(', ') + (pods.length > NAMED_PODS ? ` and ${pods.length - NAMED_PODS} more` : '')
  const who = one ? '1 pod that declares' : `${pods.length} pods that declare`
  return `no connection was compared towards ${who} no ${protocols.join('/')} container port: ${named} (list ${one ? 'its' : 'their'} ports beside "declared", e.g. --port declared,8080)`
}
