import {KubeCommand, allNamespacesFlag, noHeadersFlag, parseLabelSelector, selectorFlag} from '@kubeline/core'
import {Flags} from '@oclif/core'
import {releaseListView} from '../render/release-list-view.js'
import {listReleases} from '../services/list-releases.js'

export default class List extends KubeCommand {
  static override summary = 'List the Deployments that record a release, with phase, step and weight.'
  static override examples = ['<%= config.bin %> list -n shop', '<%= config.bin %> list -A -o json', "<%= config.bin %> list -A -l 'team=payments'"]
  static override flags = {
    ...allNamespacesFlag,
    ...selectorFlag,
    ...noHeadersFlag,
    output: Flags.string({char: 'o', description: 'Output format: wide|json|yaml|name.', default: 'table'}),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(List)
    const selector = flags.selector === undefined ? undefined : parseLabelSelector(flags.selector)
    const kube = await this.kube(flags)
    const items = await listReleases(kube, {allNamespaces: flags['all-namespaces'], ...(selector ? {selector} : {})})
    if (items.length === 0 && ['table', 'wide'].includes(flags.output)) {
      this.out.info(flags['all-namespaces'] ? 'No releases found' : `No releases found in ${kube.namespace} namespace.`)
    }
    this.print(releaseListView(items, {allNamespaces: flags['all-namespaces']}), flags.output, ['table', 'wide', 'json', 'yaml', 'name'], {noHeaders: flags['no-headers']})
  }
}
