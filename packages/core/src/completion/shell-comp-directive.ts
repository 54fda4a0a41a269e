/**
 * cobra's ShellCompDirective bits (spf13/cobra completions.go), printed as the
 * last line `:<n>` of a completion answer; kubectl relays them to the shell.
 */
export const ShellCompDirective = {
  Default: 0,
  Error: 1,
  NoSpace: 2,
  NoFileComp: 4,
} as const

export type ShellCompDirectiveValue = (typeof ShellCompDirective)[keyof typeof ShellCompDirective]
