import type {IncomingMessage} from 'node:http'
import {parse as parseYaml} from 'yaml'
import {ApiError, badRequest} from '../store/api-error.js'

const MAX_BODY_BYTES = 16 * 1024 * 1024

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) throw new ApiError(413, 'BadRequest', 'Request entity too large')
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** The media type without parameters, lower case: "application/json". */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase()
}

/**
 * A JSON (or YAML) request body. Protobuf, which kubectl 1.32 uses for typed creates, is
 * answered with 415 like a server that does not speak it.
 */
export async function readObjectBody(req: IncomingMessage): Promise<unknown> {
  const type = mediaType(req.headers['content-type'])
  const text = await readBody(req)
  if (type === 'application/yaml') return parseDocument(() => parseYaml(text))
  if (type !== '' && type !== 'application/json' && !type.endsWith('+json')) {
    throw new ApiError(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml`,
    )
  }
  if (text.trim() === '') return undefined
  return parseDocument(() => JSON.parse(text))
}

function parseDocument(parse: () => unknown): unknown {
  try {
    return parse()
  } catch (error) {
    throw badRequest(`the body of the request could not be decoded: ${error instanceof Error ? error.message : String(error)}`)
  }
}
