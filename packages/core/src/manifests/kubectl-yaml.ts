import type {DocumentOptions, SchemaOptions, Tags} from 'yaml'

/**
 * The yaml package's default: within a document, the uses of one anchor (times
 * the aliases nested inside it) must stay below this.
 */
export const MAX_ALIAS_COUNT = 100

const YAML_1_1_TAGS_KUBECTL_IGNORES = new Set(['tag:yaml.org,2002:timestamp', 'tag:yaml.org,2002:binary'])

/**
 * kubectl decodes manifests and kubeconfigs with go-yaml v2 (through sigs.k8s.io/yaml),
 * which follows YAML 1.1: `yes`/`no`/`on`/`off`/`y`/`n` are booleans, `0755` is octal,
 * `<<` merges. It leaves timestamps and `!!binary` as strings and has no
 * sexagesimal numbers (`1:20`), so those tags are dropped from the 1.1 schema.
 */
export const KUBECTL_YAML_OPTIONS: DocumentOptions & SchemaOptions = {
  version: '1.1',
  customTags: (tags: Tags) =>
    tags.filter((tag) => typeof tag === 'string' || (!YAML_1_1_TAGS_KUBECTL_IGNORES.has(tag.tag) && tag.format !== 'TIME')),
}
