import type {KubeObject} from '../store/object-store.js'

/** The parts of an ephemeral container the simulated kubelet reads. */
export interface ContainerView {
  name: string
  image?: string
  command?: string[]
  args?: string[]
  env?: {name: string; value?: string}[]
}

/** What a container's program did: the lines it wrote to its log and how it exited. */
export interface ContainerRun {
  lines: string[]
  exitCode: number
}

/**
 * What the program of a container in a pod does when the simulated kubelet starts it;
 * undefined means the sandbox does not know it, and it runs until the pod ends (like `sleep infinity`).
 */
export type ContainerProgram = (pod: KubeObject, container: ContainerView) => ContainerRun | undefined

export const unknownProgram: ContainerProgram = () => undefined

/** The value of an env var given literally (`value`, not `valueFrom`). */
export function envValue(container: ContainerView, name: string): string | undefined {
  return container.env?.find((variable) => variable.name === name)?.value
}
