import type {Container, ContainerStatus, Pod, PodSpec, PodStatus, RawResourceList} from '../kubernetes-objects.js'

/** A container with requests and limits, e.g. `container({cpu: '1'}, {cpu: '2'})`. */
export function container(requests?: RawResourceList, limits?: RawResourceList, extra: Partial<Container> = {}): Container {
  return {...extra, resources: {...(requests ? {requests} : {}), ...(limits ? {limits} : {})}}
}

/** A restartable init container (restartPolicy Always), i.e. a sidecar. */
export function sidecar(name: string, requests?: RawResourceList, limits?: RawResourceList): Container {
  return container(requests, limits, {name, restartPolicy: 'Always'})
}

/** A status entry reporting actuated requests and/or allocated resources. */
export function containerStatus(name: string, actuatedRequests?: RawResourceList, allocated?: RawResourceList): ContainerStatus {
  return {name, ...(actuatedRequests ? {resources: {requests: actuatedRequests}} : {}), ...(allocated ? {allocatedResources: allocated} : {})}
}

export function pod(spec: PodSpec = {}, status: PodStatus = {}, metadata: Pod['metadata'] = {name: 'p', namespace: 'ns'}): Pod {
  return {apiVersion: 'v1', kind: 'Pod', metadata, spec, status}
}
