import {packageTestConfig} from '../../vitest.shared.js'

export default packageTestConfig({testTimeout: 20_000})
