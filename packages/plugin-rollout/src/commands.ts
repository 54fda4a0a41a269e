// The command table of this plugin (oclif "explicit" strategy): command id -> class.
import {CompletionCommand} from '@kubeline/core'
import Abort from './commands/abort.js'
import BlueGreenFinish from './commands/bluegreen/finish.js'
import BlueGreenRollback from './commands/bluegreen/rollback.js'
import BlueGreenStart from './commands/bluegreen/start.js'
import BlueGreenSwitch from './commands/bluegreen/switch.js'
import List from './commands/list.js'
import Pause from './commands/pause.js'
import Promote from './commands/promote.js'
import Resume from './commands/resume.js'
import Retry from './commands/retry.js'
import SetWeight from './commands/set-weight.js'
import Start from './commands/start.js'
import Status from './commands/status.js'

export const COMMANDS = {start: Start, status: Status, promote: Promote, abort: Abort, resume: Resume, pause: Pause, 'set-weight': SetWeight, retry: Retry, list: List, completion: CompletionCommand,
  'bluegreen:start': BlueGreenStart, 'bluegreen:switch': BlueGreenSwitch, 'bluegreen:rollback': BlueGreenRollback, 'bluegreen:finish': BlueGreenFinish}
