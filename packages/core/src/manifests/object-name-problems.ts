/**
 * metadata.name rules of the built-in kinds, with the API server's messages
 * (apimachinery pkg/util/validation/validation.go IsDNS1123Subdomain, IsDNS1123Label,
 * IsDNS1035Label; pkg/api/validation/path IsValidPathSegmentName). Lengths in characters,
 * as upstream counts them on names that can only hold ASCII anyway.
 */

type NameRule = (name: string) => string[]

const DNS1123_SUBDOMAIN = dnsRule({
  maxLength: 253,
  pattern: /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/,
  message:
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
})
const DNS1123_LABEL = dnsRule({
  maxLength: 63,
  pattern: /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/,
  message:
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
})
const DNS1035_LABEL = dnsRule({
  maxLength: 63,
  pattern: /^[a-z]([-a-z0-9]*[a-z0-9])?$/,
  message:
    "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
})
/**
 * RBAC names are path segments, so "system:controller:x" is valid. Kinds whose name rule
 * differs between releases (PersistentVolume) or that allow ':' (ClusterTrustBundle, the
 * flowcontrol kinds) get this looser check too: a false refusal would be worse than a late one.
 */
const PATH_SEGMENT: NameRule = (name) => {
  if (name === '.' || name === '..') return [`may not be '${name}'`]
  return ['/', '%'].filter((character) => name.includes(character)).map((character) => `may not contain '${character}'`)
}

/** Kinds whose names are not DNS-1123 subdomains, by "group/Kind" (pkg/apis/<group>/validation). */
const NAME_RULES: ReadonlyMap<string, NameRule> = new Map([
  ['/Namespace', DNS1123_LABEL],
  ['/Service', DNS1035_LABEL],
  ['rbac.authorization.k8s.io/Role', PATH_SEGMENT],
  ['rbac.authorization.k8s.io/ClusterRole', PATH_SEGMENT],
  ['rbac.authorization.k8s.io/RoleBinding', PATH_SEGMENT],
  ['rbac.authorization.k8s.io/ClusterRoleBinding', PATH_SEGMENT],
  ['/PersistentVolume', PATH_SEGMENT],
  ['certificates.k8s.io/ClusterTrustBundle', PATH_SEGMENT],
  ['flowcontrol.apiserver.k8s.io/FlowSchema', PATH_SEGMENT],
  ['flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration', PATH_SEGMENT],
])

/** Problems with the name of a built-in object; an empty list means the API server accepts it. */
export function objectNameProblems(group: string, kind: string, name: string): string[] {
  return (NAME_RULES.get(`${group}/${kind}`) ?? DNS1123_SUBDOMAIN)(name)
}

function dnsRule({maxLength, pattern, message}: {maxLength: number; pattern: RegExp; message: string}): NameRule {
  return (name) => [
    ...(name.length > maxLength ? [`must be no more than ${maxLength} characters`] : []),
    ...(pattern.test(name) ? [] : [message]),
  ]
}
