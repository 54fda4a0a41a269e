import {UsageError} from '../errors/kubeline-error.js'

/** Every manifest problem reads `<where>: <problem>`, where `<where>` is `file:line` or just the path. */
export function throwInvalidManifest(where: string, problem: string, fix?: string): never {
  throw new UsageError('INVALID_MANIFEST', `${where}: ${problem}`, fix === undefined ? {} : {fix})
}
