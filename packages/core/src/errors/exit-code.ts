/** Exit codes of every plugin (docs/exit-codes.md). */
export const ExitCode = {ok: 0, failure: 1, usage: 2, verdictNo: 3} as const
