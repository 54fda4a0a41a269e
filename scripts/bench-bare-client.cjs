// The floor of a Node client (a bench case, not a product): node:https with the sandbox's CA and
// token, no framework, sending what `quota-report -n NS -o json` sends in the same two rounds
// (quotas, LimitRanges and pods; then PVCs and Services) and printing the bodies as one JSON array.
// CommonJS, so that node:https loads without an ES module facade, as main.cjs loads it.
//   node bench-bare-client.cjs SERVER CA_FILE TOKEN NAMESPACE
//   node bench-bare-client.cjs --kubeconfig FILE NAMESPACE
// The second form reads the server, CA and token from the kubeconfig's current context with `yaml`, as any
// kubectl plugin must read a kubeconfig; scripts/bench.js bundles it with yaml first, as kubeline is bundled.
'use strict'
const https = require('node:https')
const fs = require('node:fs')

const {server, ca, token, namespace} = connection(process.argv.slice(2))
const agent = new https.Agent({ca, keepAlive: true})
const headers = {authorization: `Bearer ${token}`, accept: 'application/json'}

function connection(args) {
  if (args[0] !== '--kubeconfig') {
    const [server, caFile, token, namespace] = args
    return {server, ca: fs.readFileSync(caFile), token, namespace}
  }
  const [, file, namespace] = args
  const config = require('yaml').parse(fs.readFileSync(file, 'utf8'))
  const context = named(config.contexts, config['current-context']).context
  const {cluster} = named(config.clusters, context.cluster)
  const {user} = named(config.users, context.user)
  return {server: cluster.server, ca: Buffer.from(cluster['certificate-authority-data'], 'base64'), token: user.token, namespace}
}

function named(entries, name) {
  const entry = entries.find((candidate) => candidate.name === name)
  if (!entry) throw new Error(`kubeconfig: no entry named "${name}"`)
  return entry
}

function list(resource) {
  return new Promise((resolve, reject) => {
    const request = https.get(`${server}/api/v1/namespaces/${namespace}/${resource}?limit=500`, {agent, headers}, (response) => {
      let body = ''
      response.setEncoding('utf8').on('data', (chunk) => (body += chunk)).on('end', () => resolve(JSON.parse(body)))
    })
    request.on('error', reject)
  })
}

async function main() {
  const first = await Promise.all(['resourcequotas', 'limitranges', 'pods'].map(list))
  const second = await Promise.all(['persistentvolumeclaims', 'services'].map(list))
  process.stdout.write(`${JSON.stringify([...first, ...second], null, 2)}\n`)
  agent.destroy()
}

main().catch((error) => {
  process.stderr.write(`${error.message}\n`)
  process.exitCode = 1
})
