import {isJsonObject} from './json-object.js'
import type {AnalysisGate, AnalysisRecord, GateResult} from './analysis-gates.js'

// Readers for the JSON the release state keeps about analysis. Each returns undefined for anything
// malformed, so decodeState can name the unreadable annotation instead of guessing.

/** The `gates` of the `analysis` annotation. */
export function readAnalysisGates(value: unknown): AnalysisGate[] | undefined {
  if (!Array.isArray(value)) return undefined
  const gates = value.map(readGate)
  return gates.every((gate) => gate !== undefined) ? gates : undefined
}

/** The `analysis-last` annotation: the latest round. */
export function readAnalysisRecord(text: string): AnalysisRecord | undefined {
  const value: unknown = JSON.parse(text)
  if (!isJsonObject(value)) return undefined
  const {at, step, passed, results} = value
  if (typeof at !== 'string' || !isCount(step) || typeof passed !== 'boolean' || !Array.isArray(results)) return undefined
  const time = new Date(at)
  const read = results.map(readGateResult)
  if (Number.isNaN(time.getTime()) || !read.every((result) => result !== undefined)) return undefined
  return {at: time, step, passed, results: read}
}

export function encodeAnalysisRecord(record: AnalysisRecord): string {
  return JSON.stringify({...record, at: record.at.toISOString()})
}

function readGate(value: unknown): AnalysisGate | undefined {
  if (!isJsonObject(value) || !isCount(value.timeoutMs) || value.timeoutMs === 0) return undefined
  const {kind, timeoutMs} = value
  if (kind === 'check') return typeof value.command === 'string' && value.command !== '' ? {kind, command: value.command, timeoutMs} : undefined
  if (kind !== 'prometheus' || typeof value.url !== 'string' || typeof value.query !== 'string') return undefined
  const {min, max} = value
  if (!isOptionalNumber(min) || !isOptionalNumber(max) || (min === undefined && max === undefined)) return undefined
  return {kind, url: value.url, query: value.query, ...(min === undefined ? {} : {min}), ...(max === undefined ? {} : {max}), timeoutMs}
}

function readGateResult(value: unknown): GateResult | undefined {
  if (!isJsonObject(value)) return undefined
  const {gate, passed, reason} = value
  if (typeof gate !== 'string' || typeof passed !== 'boolean' || typeof reason !== 'string' || !isOptionalNumber(value.value)) return undefined
  return {gate, passed, reason, ...(value.value === undefined ? {} : {value: value.value})}
}

function isCount(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0
}

function isOptionalNumber(value: unknown): value is number | undefined {
  return value === undefined || (typeof value === 'number' && Number.isFinite(value))
}
