// The command table of this plugin (oclif "explicit" strategy): command id -> class.
export const COMMANDS = {}
