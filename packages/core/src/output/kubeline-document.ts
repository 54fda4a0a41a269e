/** The `apiVersion` of every `-o json|yaml` document kubeline prints (DESIGN principle 5). */
export const KUBELINE_API_VERSION = 'kubeline.dev/v1alpha1'

export type KubelineDocument<Kind extends string, Body extends object> = {
  apiVersion: typeof KUBELINE_API_VERSION
  kind: Kind
} & Body

/** Wraps a command's machine output in the documented envelope, `apiVersion` and `kind` first. */
export function kubelineDocument<Kind extends string, Body extends object & {apiVersion?: never; kind?: never}>(
  kind: Kind,
  body: Body,
): KubelineDocument<Kind, Body> {
  return {apiVersion: KUBELINE_API_VERSION, kind, ...body}
}
