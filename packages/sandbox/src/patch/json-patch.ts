import {ApiError} from '../store/api-error.js'
import {isObject} from './merge-patch.js'
import type {Json} from './merge-patch.js'

interface Operation {
  op: string
  path: string
  from?: string
  value?: Json
}

/** RFC 6902 JSON Patch over a deep copy of the target. A failed operation or `test` is 422, as kube-apiserver answers. */
export function applyJsonPatch(target: Json, operations: unknown): Json {
  if (!Array.isArray(operations)) throw invalidPatch('a JSON patch must be an array of operations')
  let document = structuredClone(target)
  for (const operation of operations as Operation[]) document = applyOperation(document, operation)
  return document
}

function applyOperation(document: Json, {op, path, from, value}: Operation): Json {
  switch (op) {
    case 'add':
      return add(document, parsePointer(path), structuredClone(value ?? null))
    case 'remove':
      return remove(document, parsePointer(path))
    case 'replace':
      return add(remove(document, parsePointer(path)), parsePointer(path), structuredClone(value ?? null))
    case 'move': {
      const moved = read(document, parsePointer(from ?? ''))
      return add(remove(document, parsePointer(from ?? '')), parsePointer(path), moved)
    }
    case 'copy':
      return add(document, parsePointer(path), structuredClone(read(document, parsePointer(from ?? ''))))
    case 'test':
      if (JSON.stringify(read(document, parsePointer(path))) !== JSON.stringify(value)) throw invalidPatch(`testing value ${path} failed`)
      return document
    default:
      throw invalidPatch(`unexpected kind: ${op}`)
  }
}

function parsePointer(pointer: string): string[] {
  if (pointer === '') return []
  if (!pointer.startsWith('/')) throw invalidPatch(`invalid JSON pointer "${pointer}"`)
  return pointer.slice(1).split('/').map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
}

function read(document: Json, path: string[]): Json {
  let node = document
  for (const part of path) {
    const next = child(node, part)
    if (next === undefined) throw invalidPatch(`doc is missing path: /${path.join('/')}`)
    node = next
  }
  return node
}

function child(node: Json, part: string): Json | undefined {
  if (Array.isArray(node)) return node[Number(part)]
  if (isObject(node)) return Object.hasOwn(node, part) ? node[part] : undefined
  return undefined
}

function add(document: Json, path: string[], value: Json): Json {
  if (path.length === 0) return value
  const parent = read(document, path.slice(0, -1))
  const last = path[path.length - 1]!
  if (Array.isArray(parent)) {
    const index = last === '-' ? parent.length : Number(last)
    if (!Number.isInteger(index) || index < 0 || index > parent.length) throw invalidPatch(`index out of bounds: /${path.join('/')}`)
    parent.splice(index, 0, value)
  } else if (isObject(parent)) {
    parent[last] = value
  } else {
    throw invalidPatch(`doc is missing path: /${path.join('/')}`)
  }
  return document
}

function remove(document: Json, path: string[]): Json {
  read(document, path)
  const parent = read(document, path.slice(0, -1))
  const last = path[path.length - 1]!
  if (Array.isArray(parent)) parent.splice(Number(last), 1)
  else if (isObject(parent)) delete parent[last]
  return document
}

function invalidPatch(message: string): ApiError {
  return new ApiError(422, 'Invalid', `the server rejected our request due to an error in our request: ${message}`)
}
