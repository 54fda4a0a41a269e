import http from 'node:http'
import type {AddressInfo, Socket} from 'node:net'
import {writeKubeconfig} from './kubeconfig-file.js'

export type LoopbackHandler = (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => void
/** Answers an HTTP upgrade (exec's WebSocket). */
export type UpgradeHandler = (req: http.IncomingMessage, socket: Socket, head: Buffer) => void

/** A real HTTP server on 127.0.0.1 for behaviour nock cannot model (timeouts, streams, drops). */
export async function startLoopbackApi(handler: LoopbackHandler, upgrade?: UpgradeHandler): Promise<{kubeconfig: string; requests: string[]; close(): Promise<void>}> {
  const requests: string[] = []
  const sockets = new Set<Socket>()
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    requests.push(`${req.method} ${url.pathname}${url.search}`)
    handler(req, res, url)
  })
  if (upgrade) {
    server.on('upgrade', (req: http.IncomingMessage, socket: Socket, head: Buffer) => {
      requests.push(`UPGRADE ${req.url ?? '/'}`)
      upgrade(req, socket, head)
    })
  }
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as AddressInfo
  const kubeconfig = writeKubeconfig({server: `http://127.0.0.1:${port}`, 'insecure-skip-tls-verify': true}, {token: 'loopback-token'}, 'default')
  return {
    kubeconfig,
    requests,
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
