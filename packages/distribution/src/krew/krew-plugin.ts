/**
 * A krew plugin manifest (krew.googlecontainertools.github.com/v1alpha2, kind Plugin),
 * as kubernetes-sigs/krew pkg/index/types.go defines it.
 */
export const KREW_API_VERSION = 'krew.googlecontainertools.github.com/v1alpha2'
export const KREW_KIND = 'Plugin'

export interface KrewSelectorRequirement {
  key: string
  operator: string
  values?: string[]
}

export interface KrewSelector {
  matchLabels?: Record<string, string>
  matchExpressions?: KrewSelectorRequirement[]
}

export interface KrewFileOperation {
  from: string
  to: string
}

export interface KrewPlatform {
  selector?: KrewSelector
  uri: string
  sha256: string
  bin: string
  files?: KrewFileOperation[]
}

export interface KrewPlugin {
  apiVersion: string
  kind: string
  metadata: {name: string}
  spec: {
    version: string
    homepage?: string
    shortDescription: string
    description?: string
    caveats?: string
    platforms: KrewPlatform[]
  }
}
