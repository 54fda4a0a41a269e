import {moveSideCommand} from './move-side-command.js'

export default moveSideCommand('green', 'Send all traffic to green: the active Service selects the green pods, in one patch.', 'bluegreen switch web')
