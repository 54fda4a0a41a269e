// The public API of @kubeline/core. Each export is listed by name; nothing
// else in this package is reachable from outside (package.json "exports").

// errors
export {KubelineError, UsageError, BugError} from './errors/kubeline-error.js'
export type {ErrorCode, KubelineErrorOptions} from './errors/kubeline-error.js'

// quantity
export {Quantity, formatInCommonUnit, baseUnitValue, resourceUnitKind} from './quantity/index.js'
export type {QuantityFormat, ResourceUnitKind} from './quantity/index.js'

// selectors
export {LabelSelector, parseLabelSelector, labelSelectorFromObject, newLabelRequirement, labelRequirementMatches} from './selectors/index.js'
export {formatLabelRequirement, labelRequirementProblems, labelKeyProblems, labelValueProblems} from './selectors/index.js'
export {FieldSelector, parseFieldSelector, escapeFieldSelectorValue, objectFields} from './selectors/index.js'
export type {SelectorOperator, LabelRequirement, LabelSet, LabelSelectorObject, LabelSelectorRequirementObject} from './selectors/index.js'
export type {FieldSelectorOperator, FieldRequirement, FieldSet, ObjectWithMetadata} from './selectors/index.js'

// manifests
export {readManifests, DEFAULT_MAX_MANIFEST_BYTES} from './manifests/read-manifests.js'
export type {ReadManifestsOptions} from './manifests/read-manifests.js'
export {parseManifests, MAX_ALIAS_COUNT} from './manifests/parse-manifests.js'
export type {ParseManifestsOptions} from './manifests/parse-manifests.js'
export {formatSource, STDIN_FILE} from './manifests/manifest-source.js'
export {objectNameProblems} from './manifests/object-name-problems.js'
export type {ManifestSource, SourcedObject} from './manifests/manifest-source.js'
export type {KubeObject} from './kube/kube-object.js'

// output
export {OUTPUT_FORMATS, parseOutputFormat} from './output/output-format.js'
export type {OutputFormat} from './output/output-format.js'
export type {Column, TableView} from './output/table-view.js'
export {renderTable} from './output/render-table.js'
export type {RenderTableOptions} from './output/render-table.js'
export {renderMarkdownTable} from './output/render-markdown-table.js'
export {renderResult} from './output/render-result.js'
export type {ResultView, RenderResultOptions} from './output/render-result.js'
export {toJson} from './output/to-json.js'
export {toYaml} from './output/to-yaml.js'
export {objectName} from './output/object-name.js'
export {kubelineDocument, KUBELINE_API_VERSION} from './output/kubeline-document.js'
export type {KubelineDocument} from './output/kubeline-document.js'
export {escapeTerminal} from './output/escape-terminal.js'
export {displayWidth} from './output/display-width.js'
export {compareCodeUnits} from './output/compare-code-units.js'
export {colorEnabled, paint} from './output/color.js'
export type {Paint} from './output/color.js'
export {Output} from './output/output.js'
export type {OutputOptions, OutputStream, CapturedOutput} from './output/output.js'

// progress
export {runSteps} from './progress/run-steps.js'
export type {RunStepsOptions} from './progress/run-steps.js'
export type {Step, ProgressMode} from './progress/step.js'

// kube
export {connect} from './kube/connect.js'
export type {ConnectOptions} from './kube/connect.js'
export {KubeClient} from './kube/kube-client.js'
export type {ListOptions, ListPage, PatchType, WriteOptions} from './kube/kube-client.js'
export type {ExecResult} from './kube/pod-exec.js'
export type {WatchEvent, WatchOptions} from './kube/watch-stream.js'
export {RESOURCES, resourcePath, qualifiedResource} from './kube/resource-types.js'
export type {ResourceType} from './kube/resource-types.js'
export type {ObjectMeta, ObjectList} from './kube/kube-object.js'
export {loadKubeTarget} from './kube/kubeconfig/load-target.js'
export {kubeconfigContextNames} from './kube/kubeconfig/context-names.js'
export type {KubeTarget} from './kube/kubeconfig/resolve-target.js'
export {redactSecrets, registerSecret} from './output/secret-redaction.js'

// durations
export {parseGoDuration, parseRequestTimeout, parseNonNegativeDuration} from './duration/parse-duration.js'
export {goDurationNanos, GoDurationError} from './duration/go-duration.js'

// workloads
export {rollingUpdateBudget, rollingUpdateProblems, resolveFenceposts, scaledValueFromIntOrPercent} from './workloads/rolling-update-budget.js'
export type {IntOrString, RollingUpdate, RollingUpdateBudget} from './workloads/rolling-update-budget.js'

// commands
export {KubeCommand} from './command/kube-command.js'
export {CommandSession} from './command/command-session.js'
export {ExitCode} from './errors/exit-code.js'
export {UnknownCommandHelp, unknownCommand} from './command/unknown-command.js'
export {kubeFlags, allNamespacesFlag, selectorFlag, noHeadersFlag, outputFlag} from './command/kube-flags.js'
export type {KubeFlagValues} from './command/kube-flags.js'

// completion
export {completePluginArgs} from './completion/complete-plugin-args.js'
export type {Completion, CompletionCandidate, CompletePluginArgsOptions, LiveLookup, LiveResource, LookupTarget} from './completion/complete-plugin-args.js'
export {ShellCompDirective} from './completion/shell-comp-directive.js'
export type {ShellCompDirectiveValue} from './completion/shell-comp-directive.js'
export {SINGLE_COMMAND_ID} from './command/plugin-manifest.js'
export {CompletionCommand} from './completion/completion-command.js'
export {completionFlag} from './completion/completion-flag.js'
export {COMPLETION_SHELLS, completionScript, pluginBinary} from './completion/completion-script.js'
export type {CompletionShell} from './completion/completion-script.js'
export type {PluginManifest, ManifestCommand, ManifestFlag} from './command/plugin-manifest.js'
export {isHelpStyleEnv} from './help-cache.js'

// async
export {mapWithConcurrency} from './async/map-with-concurrency.js'

// commands run without oclif (docs/performance.md)
export {directInvocation, SINGLE_COMMAND} from './direct-run/direct-invocation.js'
export type {DirectRunConfig, FlagManifest} from './direct-run/direct-invocation.js'
export type {DirectFlags} from './direct-run/direct-argv.js'
export type {DirectRun} from './direct-run/run-direct.js'
export {eachDirectFlag, oclifParsedFlags} from './direct-run/oclif-parsed-flags.js'
