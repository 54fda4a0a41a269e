/**
 * Annotations on a pod (or on the pod template of a Deployment, ReplicaSet or Job)
 * that tell the sandbox's simulated kubelet how the pod behaves. Documented for users
 * in src/controllers/README.md.
 */
export const SANDBOX_ANNOTATIONS = {
  /** "false" keeps the pod Running but never Ready (a failing readiness probe). */
  ready: 'sandbox.kubeline.dev/ready',
  /** How long containers take to start, e.g. "2s" (default: the controller option podStartDelayMs). */
  startDelay: 'sandbox.kubeline.dev/start-delay',
  /** How long a run-to-completion pod runs, e.g. "2s", "500ms", "1m" (default 1s). */
  duration: 'sandbox.kubeline.dev/duration',
  /** The exit code of a run-to-completion pod's containers (default "0": success). */
  exitCode: 'sandbox.kubeline.dev/exit-code',
  /** This many attempts of a Job fail (exit 1 unless exit-code says otherwise) before one succeeds. */
  failAttempts: 'sandbox.kubeline.dev/fail-attempts',
  /** Log lines ("\n"-separated) written by the first container, spread over the run. */
  log: 'sandbox.kubeline.dev/log',
  /** Log lines of one named container, init containers included: `sandbox.kubeline.dev/log-<container>`. */
  logPrefix: 'sandbox.kubeline.dev/log-',
  /** Set by the Job controller on its pods: how many of the Job's pods had failed before this one. */
  attempt: 'sandbox.kubeline.dev/attempt',
} as const

const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/
const UNIT_MS: Record<string, number> = {ms: 1, s: 1000, m: 60_000, h: 3_600_000}

/** Parses "500ms", "2s", "1.5m", "1h"; anything else gives the fallback. */
export function parseSandboxDuration(text: string | undefined, fallbackMs: number): number {
  const match = text === undefined ? null : DURATION.exec(text.trim())
  if (!match) return fallbackMs
  return Math.round(Number(match[1]) * (UNIT_MS[match[2] ?? 's'] ?? 1000))
}
