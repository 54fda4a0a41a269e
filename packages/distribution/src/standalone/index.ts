// What scripts/package.js (`pnpm package`) uses to build the standalone release archives.
export {tarGzArchive} from './tar-gz-archive.js'
export {zipArchive} from './zip-archive.js'
export type {ArchiveEntry} from './archive-entry.js'
export {STANDALONE_TARGETS, PORTABLE, hostPlatform, parsePlatforms} from './standalone-target.js'
export type {StandaloneTarget} from './standalone-target.js'
export {nodeBinary, npmRegistry, verifyIntegrity} from './node-binary.js'
export type {NodeRegistry, RegistryTarball} from './node-binary.js'
export {stripAuthenticode, writePeChecksum} from './strip-authenticode.js'
