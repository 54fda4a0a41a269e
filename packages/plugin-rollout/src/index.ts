// The public API of @kubeline/plugin-rollout: the pure release core, listed by name.
// Nothing here does I/O or reads the clock; commands and services build on it.

// Kubernetes objects as plain data
export type {
  Deployment, PodTemplateSpec, Service, Ingress, IngressPath, IngressBackend, HTTPRoute, HTTPBackendRef,
  HorizontalPodAutoscaler, IntOrString, ObjectMetadata,
} from './domain/rollout-objects.js'

// replica math
export {splitReplicas} from './domain/split-replicas.js'
export type {ReplicaSplit, SplitReplicasInput} from './domain/split-replicas.js'
export {deploymentSurgeBudget, DEFAULT_MAX_SURGE, DEFAULT_MAX_UNAVAILABLE} from './domain/surge-budget.js'
export {scaleTowardSplit} from './domain/scale-toward-split.js'
export type {ScaleTowardSplitInput, SideReplicas} from './domain/scale-toward-split.js'
export {actualWeight, canaryReplicasForTraffic} from './domain/traffic-split.js'

// steps and flags
export {parseSteps, parsePause, formatPause, DEFAULT_STEPS} from './domain/canary-steps.js'
export type {PauseSpec} from './domain/canary-steps.js'
export {parseImageOverride, applyImageOverrides} from './domain/image-override.js'
export type {ImageOverride} from './domain/image-override.js'

// release state, lock, state machine, user commands
export {encodeState, decodeState, stateAnnotationPatch, RELEASE_ANNOTATION_KEYS, RELEASE_STATE_VERSION, TRAFFIC_MODES, RELEASE_PHASES} from './domain/release-state.js'
export type {ReleaseState, ReleasePhase, StepStage, TrafficMode, ReleaseLock, ReleaseChange, AnalysisPolicy} from './domain/release-state.js'
export {acquireLock, isLockExpired, releaseLock} from './domain/release-lock.js'
export type {LockDecision} from './domain/release-lock.js'
export {planStep} from './domain/plan-step.js'
export type {ReleaseAction, ReleasePlan, ReleaseObservation, TrafficObservation, AnalysisOutcome} from './domain/release-plan-types.js'
export {startRelease, pauseRelease, resumeRelease, setReleaseWeight, parseWeight, promoteRelease, abortRelease, retryRelease} from './domain/release-commands.js'
export type {StartReleaseInput, ChangeContext} from './domain/release-commands.js'
export {releaseStatus, watchOutcome} from './domain/release-status.js'
export type {ReleaseStatus, SideStatus, AnalysisStatus, WatchTarget, WatchOutcome} from './domain/release-status.js'
export {isSettledAt, hasExceededProgressDeadline, specReplicas, availableReplicas} from './domain/deployment-readiness.js'
export {templateHash} from './domain/template-hash.js'

// analysis
export {analysisVerdict, evaluateSample} from './domain/analysis-verdict.js'
export type {AnalysisThresholds, AnalysisSample, SampleOutcome, AnalysisVerdict} from './domain/analysis-verdict.js'
export {gateLabel, prometheusGateResult, checkGateResult, analysisRound, applyAnalysisRound, analysisDueAt} from './domain/analysis-gates.js'
export type {AnalysisGate, GateResult, AnalysisRecord, CheckExit} from './domain/analysis-gates.js'
export {analysisPolicyFromFlags, DEFAULT_FAILURE_LIMIT, DEFAULT_ANALYSIS_INTERVAL, DEFAULT_ANALYSIS_TIMEOUT} from './domain/analysis-policy.js'
export type {AnalysisFlagValues} from './domain/analysis-policy.js'
export {prometheusSample} from './domain/prometheus-response.js'

// objects derived for a release
export {
  canaryDeployment, canaryTemplate, canaryName, promotedTemplate, isCanaryOf,
  TRACK_LABEL, CANARY_TRACK, CANARY_OF_ANNOTATION, CANARY_TEMPLATE_HASH_ANNOTATION,
} from './domain/canary-deployment.js'
export type {CanaryDeploymentOptions} from './domain/canary-deployment.js'
export {canaryService, serviceSelectsPods} from './domain/canary-service.js'
export {nginxCanaryIngress, nginxCanaryAnnotations, nginxCanaryWeight, ingressServiceNames, NGINX_ANNOTATION_PREFIX} from './domain/nginx-canary.js'
export type {NginxCanaryOptions} from './domain/nginx-canary.js'
export {httpRouteWithWeights, httpRouteCanaryWeight, httpRouteAccepted, httpRouteWithCanaryBackend, httpRouteWithoutCanaryBackend, httpRouteServiceNames} from './domain/gateway-weights.js'
export type {RouteBackends, RouteAcceptance} from './domain/gateway-weights.js'
export {hpaFor, scaledHpaBounds, parseHpaRecord} from './domain/hpa-bounds.js'
export type {HpaBounds, HpaRecord} from './domain/hpa-bounds.js'
export {parseTrafficRequest, trafficRoute, parseTrafficRoute, requireTrafficRoute, ROUTE_STATUS_POLICIES} from './domain/traffic-route.js'
export type {TrafficRoute, TrafficRequest, TrafficFlags, RouteStatusPolicy} from './domain/traffic-route.js'
export {pinnedSelector, unpinnedSelector, currentPodTemplateHash, stableServiceAmong} from './domain/stable-service-pin.js'
export type {OwnedReplicaSet} from './domain/stable-service-pin.js'
export {greenDeployment, activeSelector, activeSide, scaleDownDue, GREEN_TRACK, POD_TEMPLATE_HASH_LABEL} from './domain/bluegreen.js'
export type {ActiveSide} from './domain/bluegreen.js'
