// The command table of this plugin (oclif "explicit" strategy): command id -> class.
import {CompletionCommand} from '@kubeline/core'
import History from './commands/history.js'
import List from './commands/list.js'
import Next from './commands/next.js'
import Now from './commands/now.js'
import Resume from './commands/resume.js'
import Suspend from './commands/suspend.js'
import Validate from './commands/validate.js'

export const COMMANDS = {now: Now, next: Next, validate: Validate, list: List, history: History, suspend: Suspend, resume: Resume, completion: CompletionCommand}
