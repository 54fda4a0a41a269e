// oclif imports a hook, and the help class (the package.json's `oclif.helpClass`), by path from the plugin's
// own bundle: core's, as this plugin's.
export {UnknownCommandHelp, unknownCommand as default} from '@kubeline/core'
