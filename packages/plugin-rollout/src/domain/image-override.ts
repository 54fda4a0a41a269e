import {UsageError} from '@kubeline/core'
import type {PodContainer, PodTemplateSpec} from './rollout-objects.js'

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

/**
 * The stable template with the given images, as `kubectl set image` sets them (k8s.io/kubectl
 * pkg/cmd/set/set_image.go): a container or init container of that name, `*` for all of them; in
 * order, so a name after `*` wins for its container.
 */
export function applyImageOverrides(template: PodTemplateSpec, overrides: readonly ImageOverride[], deploymentName: string): PodTemplateSpec {
  const containers = template.spec?.containers ?? []
  const initContainers = template.spec?.initContainers ?? []
  const names = containers.map((container) => container.name)
  const initNames = initContainers.map((container) => container.name)
  const images = new Map<string, string>()
  for (const override of overrides) {
    const name = override.container ?? onlyContainer(names, override.image, deploymentName)
    if (name === ALL_CONTAINERS) {
      for (const each of [...names, ...initNames]) images.set(each, override.image)
      continue
    }
    if (!names.includes(name) && !initNames.includes(name)) {
      const listed = `containers: ${names.join(', ')}${initNames.length > 0 ? `; init containers: ${initNames.join(', ')}` : ''}`
      throw new UsageError('INVALID_FLAG', `invalid --image "${name}=${override.image}": Deployment ${deploymentName} has no container "${name}" (${listed})`)
    }
    images.set(name, override.image)
  }
  const withImage = (container: PodContainer): PodContainer => ({...container, image: images.get(container.name) ?? container.image})
  const spec = {...template.spec, containers: containers.map(withImage)}
  return {...template, spec: template.spec?.initContainers ? {...spec, initContainers: initContainers.map(withImage)} : spec}
}

/** `--image '*=IMAGE'`: every container and init container, as in kubectl set image. */
const ALL_CONTAINERS = '*'

function onlyContainer(names: string[], image: string, deploymentName: string): string {
  const [only, ...others] = names
  if (only === undefined || others.length > 0) {
    throw new UsageError('INVALID_FLAG', `invalid --image "${image}": Deployment ${deploymentName} has ${names.length} containers (${names.join(', ')}); say which one with CONTAINER=IMAGE`)
  }
  return only
}
