import {expect, test} from 'vitest'
import type {Json} from './merge-patch.js'
import {applyStrategicMergePatch} from './strategic-merge-patch.js'

type JsonObject = {[key: string]: Json}
const app: JsonObject = {name: 'app', image: 'app:1', ports: [{containerPort: 80, name: 'http'}], env: [{name: 'MODE', value: 'fast'}]}
const proxy: JsonObject = {name: 'proxy', image: 'envoy:1'}
const podSpec: JsonObject = {containers: [app, proxy], volumes: [{name: 'data', emptyDir: {}}]}

// Semantics from k8s.io/apimachinery/pkg/util/strategicpatch (patchMergeKey/patchStrategy tags of k8s.io/api core/v1).
test.each<{name: string; target: Json; patch: Json; want: Json}>([
  {
    name: 'containers merge by name, unmentioned ones stay',
    target: podSpec,
    patch: {containers: [{name: 'app', image: 'app:2'}]},
    want: {...podSpec, containers: [{...app, image: 'app:2'}, proxy]},
  },
  {
    name: 'a new container is appended',
    target: {containers: [{name: 'app', image: 'app:1'}]},
    patch: {containers: [{name: 'sidecar', image: 'log:1'}]},
    want: {containers: [{name: 'app', image: 'app:1'}, {name: 'sidecar', image: 'log:1'}]},
  },
  {
    name: '$patch: delete removes a container',
    target: podSpec,
    patch: {containers: [{name: 'proxy', $patch: 'delete'}]},
    want: {...podSpec, containers: [app]},
  },
  {
    name: 'env merges by name, container ports by containerPort',
    target: podSpec,
    patch: {containers: [{name: 'app', env: [{name: 'MODE', value: 'slow'}, {name: 'DEBUG', value: '1'}], ports: [{containerPort: 80, protocol: 'TCP'}]}]},
    want: {
      ...podSpec,
      containers: [
        {name: 'app', image: 'app:1', ports: [{containerPort: 80, name: 'http', protocol: 'TCP'}], env: [{name: 'MODE', value: 'slow'}, {name: 'DEBUG', value: '1'}]},
        proxy,
      ],
    },
  },
  {
    name: 'service ports merge by port',
    target: {ports: [{port: 80, targetPort: 8080}, {port: 443, targetPort: 8443}]},
    patch: {ports: [{port: 443, targetPort: 9443}]},
    want: {ports: [{port: 80, targetPort: 8080}, {port: 443, targetPort: 9443}]},
  },
  {
    name: 'lists without a merge key are replaced',
    target: {args: ['a', 'b'], finalizers: ['x']},
    patch: {args: ['c']},
    want: {args: ['c'], finalizers: ['x']},
  },
  {
    name: '$setElementOrder and $retainKeys are ignored, null deletes',
    target: {replicas: 2, paused: true},
    patch: {'$setElementOrder/containers': [{name: 'app'}], $retainKeys: ['replicas'], paused: null, replicas: 3},
    want: {replicas: 3},
  },
  {
    name: '$patch: replace replaces a map',
    target: {selector: {matchLabels: {a: 'b', c: 'd'}}},
    patch: {selector: {$patch: 'replace', matchLabels: {e: 'f'}}},
    want: {selector: {matchLabels: {e: 'f'}}},
  },
])('$name', ({target, patch, want}) => {
  expect(applyStrategicMergePatch(target, patch)).toEqual(want)
})
