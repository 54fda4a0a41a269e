// The floor of a Node client (a bench case, not a product): node:https with the sandbox's CA and
// token, no framework, sending what `quota-report -n NS -o json` sends in the same two rounds
// (quotas, LimitRanges and pods; then PVCs and Services) and printing the bodies as one JSON array.
// CommonJS, so that node:https loads without an ES module facade, as main.cjs loads it.
'use strict'
const https = require('node:https')
const fs = require('node:fs')

const [server, caFile, token, namespace] = process.argv.slice(2)
const agent = new https.Agent({ca: fs.readFileSync(caFile), keepAlive: true})
const headers = {authorization: `Bearer ${token}`, accept: 'application/json'}

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
