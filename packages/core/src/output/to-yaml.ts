import {stringify} from 'yaml'

/**
 * `-o yaml`: block style, no line folding and no anchors for repeated values.
 * Written with the YAML 1.1 schema so that strings such as "yes", "on" or
 * "0755" come out quoted and read back as strings by kubectl, whose YAML
 * decoder follows YAML 1.1.
 */
export function toYaml(document: unknown): string {
  return stringify(document, {version: '1.1', lineWidth: 0, aliasDuplicateObjects: false})
}
