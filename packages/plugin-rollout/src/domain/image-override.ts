import {UsageError} from '@kubeline/core'
import type {PodTemplateSpec} from './rollout-objects.js'

export interface ImageOverride {
  /** Undefined for a bare `--image IMAGE`, allowed only when the pod has one container. */
  container?: string
  image: string
}

/** `--image web=registry/web:2` or `--image registry/web:2`. */
export function parseImageOverride(text: string): ImageOverride {
  const separator = text.indexOf('=')
  const container = separator === -1 ? undefined : text.slice(0, separator)
  const image = separator === -1 ? text : text.slice(separator + 1)
  if (container === '' || image === '' || /\s/.test(text)) {
    throw new UsageError('INVALID_FLAG', `invalid --image "${text}": expected CONTAINER=IMAGE`, {fix: 'For example --image web=registry.example.com/web:2.'})
  }
  return container === undefined ? {image} : {container, image}
}

/** The stable template with the given images, like `kubectl set image`. Init containers are not touched. */
export function applyImageOverrides(template: PodTemplateSpec, overrides: readonly ImageOverride[], deploymentName: string): PodTemplateSpec {
  const containers = template.spec?.containers ?? []
  const names = containers.map((container) => container.name)
  const images = new Map<string, string>()
  for (const override of overrides) {
    const name = override.container ?? onlyContainer(names, override.image, deploymentName)
    if (!names.includes(name)) {
      throw new UsageError('INVALID_FLAG', `invalid --image "${name}=${override.image}": Deployment ${deploymentName} has no container "${name}" (containers: ${names.join(', ')})`)
    }
    images.set(name, override.image)
  }
  return {...template, spec: {...template.spec, containers: containers.map((container) => ({...container, image: images.get(container.name) ?? container.image}))}}
}

function onlyContainer(names: string[], image: string, deploymentName: string): string {
  const [only, ...others] = names
  if (only === undefined || others.length > 0) {
    throw new UsageError('INVALID_FLAG', `invalid --image "${image}": Deployment ${deploymentName} has ${names.length} containers (${names.join(', ')}); say which one with CONTAINER=IMAGE`)
  }
  return only
}
