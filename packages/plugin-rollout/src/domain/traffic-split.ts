/**
 * The weight users actually get in replica mode: available canary pods over all available pods, in
 * whole percent rounded down (what `status` shows next to the desired weight, as Argo's ActualWeight).
 * No available pods at all is 0.
 */
export function actualWeight(canaryAvailable: number, stableAvailable: number): number {
  const total = canaryAvailable + stableAvailable
  return total === 0 ? 0 : Math.floor((canaryAvailable * 100) / total)
}

/**
 * With a traffic router the weight is set on the router, so the canary only needs enough pods to carry it:
 * ceil(N * w / 100) (Argo's trafficWeightToReplicas), while stable stays at N until promotion.
 */
export function canaryReplicasForTraffic(replicas: number, weight: number): number {
  return Math.ceil((replicas * weight) / 100)
}
