// The command table of this plugin (oclif "explicit" strategy): command id -> class.
import Abort from './commands/abort.js'
import List from './commands/list.js'
import Promote from './commands/promote.js'
import Resume from './commands/resume.js'
import Start from './commands/start.js'
import Status from './commands/status.js'

export const COMMANDS = {start: Start, status: Status, promote: Promote, abort: Abort, resume: Resume, list: List}
