import {UsageError} from '@kubeline/core'
import type {Container, PodTemplate} from './cron-job-types.js'

export interface EnvOverride {
  name: string
  value: string
}

/**
 * The API server's env name rule since Kubernetes 1.32 (RelaxedEnvironmentVariableValidation, GA in
 * 1.34; IsRelaxedEnvVarName): printable ASCII, space included, except "=". Splitting at the first "="
 * already keeps it out of the name.
 */
const ENV_NAME = /^[\x20-\x7e]+$/

/** `--env KEY=VALUE`: the value may contain `=`; the key must be a valid variable name. */
export function parseEnvOverride(text: string): EnvOverride {
  const equals = text.indexOf('=')
  if (equals <= 0) {
    throw new UsageError('INVALID_FLAG', `invalid --env "${text}": expected KEY=VALUE`, {fix: 'For example: --env DRY_RUN=true'})
  }
  const name = text.slice(0, equals)
  if (!ENV_NAME.test(name)) {
    throw new UsageError('INVALID_FLAG', `invalid --env "${text}": "${name}" is not a valid environment variable name`, {
      fix: 'Use printable ASCII characters only (no tab, no accents).',
    })
  }
  return {name, value: text.slice(equals + 1)}
}

/**
 * Set each variable in every container and init container. An existing variable is replaced where it
 * stands, because `$(NAME)` expands only from variables listed before it; new ones are appended. The
 * last --env of a name wins.
 */
export function applyEnvOverrides(spec: NonNullable<PodTemplate['spec']>, overrides: readonly EnvOverride[]): NonNullable<PodTemplate['spec']> {
  const values = new Map(overrides.map(({name, value}) => [name, value]))
  const apply = (container: Container): Container => {
    const current = container.env ?? []
    const replaced = current.map((variable) => {
      const value = values.get(variable.name)
      return value === undefined ? variable : {name: variable.name, value}
    })
    const added = [...values].filter(([name]) => !current.some((variable) => variable.name === name)).map(([name, value]) => ({name, value}))
    return {...container, env: [...replaced, ...added]}
  }
  const out = {...spec, containers: (spec.containers ?? []).map(apply)}
  if (spec.initContainers) out.initContainers = spec.initContainers.map(apply)
  return out
}
