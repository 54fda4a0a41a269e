// Lets Node run the TypeScript sources directly (type stripping): workspace packages resolve to
// their sources ("kubeline-source" condition) and `./x.js` imports to the `./x.ts` beside them.
import {existsSync} from 'node:fs'
import {registerHooks} from 'node:module'
import {fileURLToPath} from 'node:url'

registerHooks({
  resolve(specifier, context, nextResolve) {
    const conditions = [...new Set(['kubeline-source', ...context.conditions])]
    if (specifier.startsWith('.') && specifier.endsWith('.js') && context.parentURL) {
      const typescript = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL)
      if (existsSync(fileURLToPath(typescript))) return nextResolve(typescript.href, {...context, conditions})
    }
    return nextResolve(specifier, {...context, conditions})
  },
})
