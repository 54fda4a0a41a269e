import {expect, test} from 'vitest'
import {formatInCommonUnit} from './format-in-common-unit.js'
import {Quantity} from './quantity.js'

test.each([
  // cores: whole cores stay cores, anything fractional switches every value to millicores
  {name: 'cpu', values: ['2', '4'], want: ['2', '4']},
  {name: 'cpu', values: ['0', '8'], want: ['0', '8']},
  {name: 'requests.cpu', values: ['500m', '2'], want: ['500m', '2000m']},
  {name: 'limits.cpu', values: ['1700m', '2'], want: ['1700m', '2000m']},
  {name: 'example.com/cpu', values: ['1.5'], want: ['1500m']},
  {name: 'cpu', values: ['0.1m', '1'], want: ['1m', '1000m']}, // below a millicore rounds up, as MilliValue
  {name: 'cpu', values: ['1k', '2'], want: ['1000', '2']},
  // bytes: the largest binary unit every non-zero value reaches, at most one decimal
  {name: 'memory', values: ['1536Mi', '2Gi'], want: ['1.5Gi', '2Gi']},
  {name: 'requests.memory', values: ['100Mi', '10Gi'], want: ['100Mi', '10240Mi']},
  {name: 'limits.memory', values: ['0', '4Gi'], want: ['0', '4Gi']},
  {name: 'memory', values: ['1500Mi', '4Gi'], want: ['1.5Gi', '4Gi']}, // 1.46Gi rounds to 1.5
  {name: 'memory', values: ['1G', '2G'], want: ['953.7Mi', '1907.3Mi']}, // 1G is below 1Gi
  {name: 'memory', values: ['1048576Ki'], want: ['1Gi']},
  {name: 'memory', values: ['1.05Gi'], want: ['1.1Gi']}, // 1.05 rounds half away from zero
  {name: 'memory', values: ['-512Mi', '1Gi'], want: ['-512Mi', '1024Mi']},
  {name: 'requests.storage', values: ['5Ti', '20Ti'], want: ['5Ti', '20Ti']},
  {name: 'storage', values: ['3Pi', '2048Ti'], want: ['3Pi', '2Pi']},
  {name: 'storage', values: ['4096Pi'], want: ['4096Pi']}, // Pi is the largest unit
  {name: 'ephemeral-storage', values: ['900', '1Gi'], want: ['900', '1073741824']}, // below 1Ki: plain bytes
  {name: 'hugepages-2Mi', values: ['0', '0'], want: ['0', '0']},
  {name: 'requests.hugepages-2Mi', values: ['4Mi', '1Gi'], want: ['4Mi', '1024Mi']},
  {name: 'memory', values: ['1.5Ki'], want: ['1.5Ki']},
  // counts: whole numbers, rounded up as Value()
  {name: 'pods', values: ['7', '10'], want: ['7', '10']},
  {name: 'count/deployments.apps', values: ['1k', '500m'], want: ['1000', '1']},
  {name: 'services.loadbalancers', values: ['0', '2'], want: ['0', '2']},
  {name: 'nvidia.com/gpu', values: ['1', '8'], want: ['1', '8']},
])('$name: $values → $want', ({name, values, want}) => {
  expect(formatInCommonUnit(values.map((v) => Quantity.parse(v)), name)).toEqual(want)
})

test('an empty row renders as an empty row', () => {
  expect(formatInCommonUnit([], 'memory')).toEqual([])
})
