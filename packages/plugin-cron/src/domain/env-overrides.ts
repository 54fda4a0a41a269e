import {UsageError} from '@kubeline/core'
import type {Container, PodTemplate} from './cron-job-types.js'

export interface EnvOverride {
  name: string
  value: string
}

/** C_IDENTIFIER-like names as the API server validates env names (IsEnvVarName). */
const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/

/** `--env KEY=VALUE`: the value may contain `=`; the key must be a valid variable name. */
export function parseEnvOverride(text: string): EnvOverride {
  const equals = text.indexOf('=')
  if (equals <= 0) {
    throw new UsageError('INVALID_FLAG', `invalid --env "${text}": expected KEY=VALUE`, {fix: 'For example: --env DRY_RUN=true'})
  }
  const name = text.slice(0, equals)
  if (!ENV_NAME.test(name)) {
    throw new UsageError('INVALID_FLAG', `invalid --env "${text}": "${name}" is not a valid environment variable name`, {
      fix: 'Use letters, digits, "_", "-" and "."; do not start with a digit.',
    })
  }
  return {name, value: text.slice(equals + 1)}
}

/** Set each variable in every container and init container, replacing an existing one of that name. */
export function applyEnvOverrides(spec: NonNullable<PodTemplate['spec']>, overrides: readonly EnvOverride[]): NonNullable<PodTemplate['spec']> {
  const apply = (container: Container): Container => {
    const env = (container.env ?? []).filter((variable) => !overrides.some((override) => override.name === variable.name))
    return {...container, env: [...env, ...overrides.map(({name, value}) => ({name, value}))]}
  }
  const out = {...spec, containers: (spec.containers ?? []).map(apply)}
  if (spec.initContainers) out.initContainers = spec.initContainers.map(apply)
  return out
}
