// Public API of @kubeline/plugin-netpol: the pure NetworkPolicy evaluation engine.
export type {
  ClusterState,
  PodObject,
  NamespaceObject,
  ContainerObject,
  InitContainerObject,
  ContainerPortObject,
  NetworkPolicyObject,
  NetworkPolicyPeerObject,
  NetworkPolicyPortObject,
  NetworkPolicyIngressRuleObject,
  NetworkPolicyEgressRuleObject,
  IPBlockObject,
  AdminNetworkPolicyObject,
  BaselineAdminNetworkPolicyObject,
  ClusterNetworkPolicyObject,
  AdminSubjectObject,
  AdminPeerObject,
  AdminPortObject,
  AdminRuleObject,
  ClusterRuleObject,
  ClusterProtocolObject,
  ClusterPortObject,
  NamespacedPodObject,
  ObjectMetadata,
} from './domain/kube-objects.js'
export type {Protocol} from './domain/protocol.js'
export {PROTOCOLS, isProtocol, parseProtocol, validatePortNumber} from './domain/protocol.js'
export type {Cidr, IpAddress, IpFamily} from './domain/cidr.js'
export {parseCidr, parseCidrOrProblem, parseIpAddress, cidrContains, isStrictSubnet} from './domain/cidr.js'
export type {PortMatcher, PortSpec, NamedContainerPort, TrafficPort} from './domain/port-matcher.js'
export {matchPort} from './domain/port-matcher.js'
export type {PeerMatcher, NamespaceMatcher, PeerMatchOptions} from './domain/peer-matcher.js'
export {peerMatches} from './domain/peer-matcher.js'
export type {Endpoint, PodEndpoint, ExternalEndpoint} from './domain/endpoint.js'
export type {PolicyRef, PolicyKind} from './domain/policy-ref.js'
export {formatPolicyRef} from './domain/policy-ref.js'
export type {CompiledNetworkPolicy, CompiledRule} from './domain/network-policy-rules.js'
export {compileNetworkPolicy} from './domain/network-policy-rules.js'
export type {CompiledAdminPolicy, AdminRule, AdminEffect} from './domain/admin-policy.js'
export {compileAdminNetworkPolicy, compileBaselineAdminNetworkPolicy} from './domain/admin-policy.js'
export {compileClusterNetworkPolicy} from './domain/cluster-network-policy.js'
export type {CompiledCluster, CompileOptions} from './domain/compiled-cluster.js'
export {compileCluster, NAMESPACE_NAME_LABEL} from './domain/compiled-cluster.js'
export type {NamedPortSource} from './domain/named-port-source.js'
export {NAMED_PORT_SOURCES, portDeclaringContainers} from './domain/named-port-source.js'
export type {Verdict, DirectionVerdict, MatchedRule, DecidingTier, Direction} from './domain/verdict.js'
export type {Traffic, EndpointRef, EvaluationOptions, LoopbackMode} from './domain/evaluate-traffic.js'
export {evaluateTraffic} from './domain/evaluate-traffic.js'
export type {PodClass, PodEquivalenceClasses} from './domain/equivalence-classes.js'
export {podEquivalenceClasses} from './domain/equivalence-classes.js'
export type {ConnectivityMatrix, MatrixRequest, TableScope} from './domain/connectivity-matrix.js'
export {connectivityMatrix, isAllowed, allowedTable} from './domain/connectivity-matrix.js'
export type {IpBlockExceptFinding} from './domain/ip-block-findings.js'
export {ipBlockExceptFindings} from './domain/ip-block-findings.js'
export type {CatalogPolicy, CatalogDirection, CatalogRule, DirectionReason, PolicyTier} from './domain/policy-catalog.js'
export {policyCatalog} from './domain/policy-catalog.js'
export type {PolicyExplanation, DirectionExplanation, RuleExplanation, PeerExplanation, PortExplanation} from './domain/policy-explanation.js'
export {policyExplanations} from './domain/policy-explanation.js'
export type {NamedPortResolution} from './domain/named-port-resolution.js'
export {resolveNamedPort} from './domain/named-port-resolution.js'
export type {LintFinding, LintObject, LintCode, Severity} from './domain/lint-finding.js'
export {LINT_RULES, SEVERITIES, isAtLeast} from './domain/lint-finding.js'
export type {LintScope} from './domain/netpol-lint.js'
export {lintCluster} from './domain/netpol-lint.js'
export type {ConnectionChange, ConnectionChangeKind, JointPartition, DiffScope} from './domain/connectivity-diff.js'
export {connectivityChanges, jointPartition} from './domain/connectivity-diff.js'
export type {ComparedTraffic, ComparedTrafficPort, ComparedTowards} from './domain/compared-traffic.js'
export {comparedTraffic, declaredPorts, trafficKey, uncomparedPods} from './domain/compared-traffic.js'
export type {ProposedPolicy, ProposedClusterStates} from './domain/proposed-cluster.js'
export {proposedClusterStates} from './domain/proposed-cluster.js'
export type {Acknowledgement} from './domain/diff-acknowledgement.js'
export {parseAcknowledgement, parseAcknowledgementFile, acknowledges} from './domain/diff-acknowledgement.js'
export type {Expectation, TestCaseStatus, TestCaseResult, TestSuiteResult, NetpolTestReport, TestSummary} from './domain/netpol-test-report.js'
export {testCaseStatus, testSummary, reportPassed} from './domain/netpol-test-report.js'
