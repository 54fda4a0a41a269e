// The public API of @kubeline/plugin-quota: its pure quota and LimitRange accounting.
// Each export is listed by name (package.json "exports" maps "." here).

// object usage, as the upstream quota evaluators charge it
export {podUsage, podUsageList, isPodCharged, podComputeUsage, isNativeResourceName, isExtendedResourceName} from './domain/pod-usage.js'
export type {PodUsageOptions} from './domain/pod-usage.js'
export {podRequests, podLimits, isPodLevelResource} from './domain/pod-requests.js'
export type {PodResourcesOptions} from './domain/pod-requests.js'
export {isBestEffortPod} from './domain/pod-qos.js'
export {missingQuotaRequests} from './domain/pod-constraints.js'
export {pvcUsage, pvcUsageList, pvcStorageClass, resourceByStorageClass} from './domain/pvc-usage.js'
export {serviceUsage, serviceUsageList} from './domain/service-usage.js'
export {objectCountUsage, objectCountUsageList, objectCountResourceName, qualifiedResourceOf, isClusterScopedKind} from './domain/object-count-usage.js'
export {objectUsageList, evaluatorFor} from './domain/object-usage.js'
export type {EvaluatorKind} from './domain/object-usage.js'

// resource lists
export {
  parseResourceList,
  formatResourceList,
  addResourceLists,
  subtractResourceLists,
  maxResourceLists,
  scaleResourceList,
  maskResourceList,
  removeZeros,
  lessThanOrEqual,
} from './domain/resource-list.js'
export type {ResourceList} from './domain/resource-list.js'

// quotas
export {quotaMatchesObject, objectMatchesScope, quotaScopeRequirements, quotaTracksResource, isKnownQuotaResource, quotaHard} from './domain/quota-scopes.js'
export {evaluateQuota, quotaLine} from './domain/evaluate-quota.js'
export type {QuotaEvaluation, QuotaLine, QuotaStatus, QuotaThresholds} from './domain/evaluate-quota.js'
export {recomputeQuotaUsed, QuotaUsedTally} from './domain/recompute-quota-used.js'
export {quotaFit} from './domain/quota-fit.js'
export type {QuotaFit, QuotaFitLine} from './domain/quota-fit.js'

// LimitRanges
export {applyLimitRangeDefaults, withRequestsDefaultedFromLimits, defaultLimitRangeItem, LIMIT_RANGER_ANNOTATION} from './domain/limit-range-defaults.js'
export {limitRangeViolations} from './domain/limit-range-validation.js'

// plan mode
export {planUsage} from './domain/plan-usage.js'
export {quotaPlan, CLIENT_BLIND_SPOTS} from './domain/quota-plan.js'
export type {QuotaPlan, QuotaPlanLine, QuotaPlanVerdict, QuotaPlanOptions} from './domain/quota-plan.js'
export type {PlanOptions, PlannedObject, UsagePlan, ObjectRef} from './domain/plan-usage.js'
export {workloadPods} from './domain/workload-pods.js'
export type {WorkloadPods, WorkloadOptions} from './domain/workload-pods.js'
export {defaultStorageClassName, withDefaultStorageClass} from './domain/default-storage-class.js'
export {runtimeClassAdmission, NO_KNOWN_RUNTIME_CLASSES} from './domain/runtime-class-overhead.js'
export type {KnownRuntimeClasses, RuntimeClassAdmission} from './domain/runtime-class-overhead.js'
export {usageModel, steadyUsage, peakDelta} from './domain/usage-model.js'
export type {UsageModel, AdmissionContext} from './domain/usage-model.js'

// the report, one namespace's objects at a time, across contexts
export {NamespaceTally} from './domain/namespace-tally.js'
export type {TallyOptions, QuotaTally, MissingRequests} from './domain/namespace-tally.js'
export {buildNamespaceReport} from './domain/quota-report.js'
export type {NamespaceReport, QuotaEntry, DriftEntry, LimitRangeEntry, ReportOptions} from './domain/quota-report.js'
export {mergeContextReports} from './domain/fleet-report.js'
export type {QuotaReport, ContextReport, ContextError, ContextOutcome, UnconstrainedNamespace} from './domain/fleet-report.js'
export {reportExitCode} from './domain/report-exit-code.js'
export type {ReportOutcome} from './domain/report-exit-code.js'

// top consumers
export {topConsumers, owningWorkload, ownerLookupFrom, WorkloadUsageTotals} from './domain/top-consumers.js'
export type {Consumer, WorkloadRef} from './domain/top-consumers.js'

// object shapes
export {namespacedName} from './domain/kubernetes-objects.js'
export type {
  Pod,
  PodSpec,
  PodStatus,
  Container,
  ContainerStatus,
  PersistentVolumeClaim,
  Service,
  ResourceQuota,
  LimitRange,
  LimitRangeItem,
  RuntimeClass,
  ScopedResourceSelectorRequirement,
  RawResourceList,
  ResourceRequirements,
} from './domain/kubernetes-objects.js'
