// oclif imports a hook by path from the plugin's own bundle: core's, as this plugin's.
export {unknownCommand as default} from '@kubeline/core'
