/** The shells `completion SHELL` writes a script for. */
export const COMPLETION_SHELLS = ['bash', 'zsh', 'fish'] as const

export type CompletionShell = (typeof COMPLETION_SHELLS)[number]

/**
 * A script that completes `binary` (e.g. `kubectl-cron_trigger`) typed directly.
 * Each script asks `binary __complete WORDS...` (bash: `__completeNoDesc`),
 * the same engine that answers kubectl through `kubectl_complete-<plugin>`,
 * and reads cobra's answer: candidates one per line (`value<TAB>description`),
 * then `:DIRECTIVE` (1 error, 2 no space, 4 no file completion). A flag's
 * value typed as `--flag=va` is answered with values only, as cobra does.
 */
export function completionScript(shell: CompletionShell, binary: string, options: {viaFlag?: boolean} = {}): string {
  const fn = `__kubeline_${binary.replaceAll(/\W/g, '_')}`
  return SCRIPTS[shell](binary, fn, `${binary} ${options.viaFlag ? '--completion' : 'completion'} ${shell}`)
}

/** Each takes the binary, the function name, and the command that prints the script. */
const SCRIPTS: Record<CompletionShell, (binary: string, fn: string, printIt: string) => string> = {
  bash: (binary, fn, printIt) => `# bash completion for ${binary} (kubeline)
# Load it in this shell:        source <(${printIt})
# or for every new shell:       ${printIt} > ~/.local/share/bash-completion/completions/${binary}
# \`kubectl ${kubectlName(binary)} <TAB>\` is completed by kubectl's own completion (kubectl_complete-* on PATH).
${fn}() {
  local line=\${COMP_LINE:0:COMP_POINT} entry directive=0 out
  local -a words candidates=()
  # Split on blanks only: readline's word (after = or :) is what COMPREPLY replaces.
  read -r -a words <<< "$line"
  [[ $line == *[[:space:]] ]] && words+=('')
  out=$(${binary} __completeNoDesc "\${words[@]:1}" 2>/dev/null) || return 0
  while IFS= read -r entry; do
    case $entry in
      :*) directive=\${entry#:} ;;
      ?*) candidates+=("$entry") ;;
    esac
  done <<< "$out"
  (( directive & 1 )) && return 0
  (( directive & 2 )) && compopt -o nospace 2>/dev/null
  if (( \${#candidates[@]} == 0 )) && (( (directive & 4) == 0 )); then
    compopt -o default 2>/dev/null
  fi
  COMPREPLY=("\${candidates[@]}")
}
complete -F ${fn} ${binary}
`,
  zsh: (binary, fn, printIt) => `#compdef ${binary}
# zsh completion for ${binary} (kubeline)
# Load it in this shell:        source <(${printIt})
# or for every new shell:       ${printIt} > "\${fpath[1]}/_${binary}"
# \`kubectl ${kubectlName(binary)} <TAB>\` is completed by kubectl's own completion (kubectl_complete-* on PATH).
${fn}() {
  local out line value description directive
  local -a lines candidates nospace
  out=$(${binary} __complete "\${(@)words[2,CURRENT]}" 2>/dev/null) || return 1
  lines=("\${(@f)out}")
  directive=\${lines[-1]#:}
  (( directive & 1 )) && return 1
  (( directive & 2 )) && nospace=(-S '')
  [[ $PREFIX == --*=* ]] && compset -P '*='
  for line in "\${(@)lines[1,-2]}"; do
    [[ -z $line ]] && continue
    value=\${line%%$'\\t'*}
    description=
    [[ $line == *$'\\t'* ]] && description=\${line#*$'\\t'}
    candidates+=("\${value//:/\\\\:}\${description:+:$description}")
  done
  if (( \${#candidates} == 0 )); then
    (( directive & 4 )) || _files
    return
  fi
  _describe -t values 'values' candidates $nospace
}
if [[ \${funcstack[1]} == _${binary} ]]; then
  ${fn} "$@"
else
  compdef ${fn} ${binary}
fi
`,
  fish: (binary, fn, printIt) => `# fish completion for ${binary} (kubeline)
# Load it in this shell:        ${printIt} | source
# or for every new shell:       ${printIt} > ~/.config/fish/completions/${binary}.fish
# \`kubectl ${kubectlName(binary)} <TAB>\` is completed by kubectl's own completion (kubectl_complete-* on PATH).
function ${fn}
    set -l current (commandline -ct)
    set -l out (${binary} __complete (commandline -opc)[2..-1] $current 2>/dev/null); or return
    set -l directive (string replace ':' '' -- $out[-1])
    set -e out[-1]
    test (math "bitand($directive, 1)") -eq 0; or return
    # fish replaces the whole token: put a typed --flag= back in front of its values.
    set -l flag (string match -r -- '^--[^=]*=' $current)
    if test (count $out) -eq 0; and test (math "bitand($directive, 4)") -eq 0
        set out (__fish_complete_path (string replace -r -- '^--[^=]*=' '' $current))
    end
    for candidate in $out
        printf '%s%s\\n' "$flag" $candidate
    end
end
complete -c ${binary} -f -a '(${fn})'
`,
}

/** oclif's `config.bin` (`kubectl cron-trigger`) -> the file on PATH (`kubectl-cron_trigger`). */
export function pluginBinary(configBin: string): string {
  return `kubectl-${configBin.replace(/^kubectl /, '').replaceAll('-', '_')}`
}

/** kubectl-cron_trigger -> cron-trigger, as typed after `kubectl`. */
function kubectlName(binary: string): string {
  return binary.replace(/^kubectl-/, '').replaceAll('_', '-')
}
