/** One unit of work shown as a progress line. `update` replaces the step's current detail ("3/10 namespaces"). */
export interface Step {
  title: string
  run: (update: (message: string) => void) => Promise<void>
}

/**
 * - `auto`: an animated list on stderr when stderr is a terminal, nothing otherwise;
 * - `plain`: one line per start, update and finish, for CI logs (`--verbose`);
 * - `silent`: nothing (`--quiet`, `-o json|yaml|name`).
 */
export type ProgressMode = 'auto' | 'plain' | 'silent'
