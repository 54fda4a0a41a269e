/** Entry of bin/kubeline-complete: `node run-complete.js <manifest> [__complete] <words...>`. */
import {main} from './complete-main.js'

await main(process.argv.slice(2))
