import {UsageError, formatSource, readManifests} from '@kubeline/core'
import type {SourcedObject} from '@kubeline/core'
import type {PodTemplateSpec} from '../domain/rollout-objects.js'

/** Where each accepted kind keeps its pod template. */
const TEMPLATE_OF: Record<string, (object: SourcedObject['object']) => unknown> = {
  'apps/v1 Deployment': (object) => (object.spec as {template?: unknown} | undefined)?.template,
  'v1 PodTemplate': (object) => object.template,
}

/**
 * `start -f FILE` (`-` for stdin): the file holds exactly one object, an apps/v1 Deployment (its
 * spec.template is used) or a v1 PodTemplate (its template). Anything else is a UsageError.
 */
export async function readCanaryTemplate(path: string, stdin?: NodeJS.ReadableStream): Promise<PodTemplateSpec> {
  const objects = await readManifests([path], {validateBuiltIns: true, ...(stdin ? {stdin} : {})})
  const [only, ...others] = objects
  if (only === undefined || others.length > 0) {
    throw new UsageError('INVALID_MANIFEST', `invalid -f "${path}": expected one Deployment or PodTemplate, found ${objects.length} objects`)
  }
  const {object, source} = only
  const at = formatSource(source)
  const templateOf = TEMPLATE_OF[`${object.apiVersion} ${object.kind}`]
  if (!templateOf) {
    throw new UsageError('INVALID_MANIFEST', `${at}: expected an apps/v1 Deployment or a v1 PodTemplate, got ${object.apiVersion} ${object.kind}`)
  }
  return checkedTemplate(templateOf(object), at)
}

function checkedTemplate(template: unknown, at: string): PodTemplateSpec {
  const containers = (template as PodTemplateSpec | undefined)?.spec?.containers
  if (!Array.isArray(containers) || containers.length === 0) {
    throw new UsageError('INVALID_MANIFEST', `${at}: the pod template has no containers`, {fix: 'Give the template spec.containers with at least one container.'})
  }
  const unnamed = containers.findIndex((container) => typeof container.name !== 'string' || typeof container.image !== 'string')
  if (unnamed !== -1) throw new UsageError('INVALID_MANIFEST', `${at}: containers[${unnamed}] needs a name and an image`)
  return template as PodTemplateSpec
}
