import {KubeCommand, allNamespacesFlag, noHeadersFlag} from '@kubeline/core'
import {Flags} from '@oclif/core'
import {releaseListView} from '../render/release-list-view.js'
import {listReleases} from '../services/list-releases.js'

export default class List extends KubeCommand {
  static override summary = 'List the Deployments that record a release, with phase, step and weight.'
  static override examples = ['<%= config.bin %> list -n shop', '<%= config.bin %> list -A -o json']
  static override flags = {
    ...allNamespacesFlag,
    ...noHeadersFlag,
    output: Flags.string({char: 'o', description: 'Output format: wide|json|yaml|name.', default: 'table'}),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(List)
    const kube = await this.kube(flags)
    const items = await listReleases(kube, {allNamespaces: flags['all-namespaces']})
    if (items.length === 0 && ['table', 'wide'].includes(flags.output)) {
      this.out.info(flags['all-namespaces'] ? 'No releases found' : `No releases found in ${kube.namespace} namespace.`)
    }
    this.print(releaseListView(items, {allNamespaces: flags['all-namespaces']}), flags.output, ['table', 'wide', 'json', 'yaml', 'name'], {noHeaders: flags['no-headers']})
  }
}
