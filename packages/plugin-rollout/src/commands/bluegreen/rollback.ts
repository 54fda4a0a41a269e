import {moveSideCommand} from './move-side-command.js'

export default moveSideCommand('blue', 'Send all traffic back to blue: the active Service selects the blue pods again, in one patch.', 'bluegreen rollback web')
