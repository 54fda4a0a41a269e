import type {KubeObject} from '@kubeline/core'
import type {Container, ResourceQuota} from '../kubernetes-objects.js'
import {container} from './pod-builders.js'

export const app = (cpu = '100m', memory = '128Mi', limitCpu = '200m'): Container => container({cpu, memory}, {cpu: limitCpu, memory}, {name: 'app'})

export function deployment(name: string, replicas: number, containers: Container[], strategy?: object, namespace = 'payments'): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {name, namespace},
    spec: {replicas, ...(strategy ? {strategy} : {}), template: {metadata: {labels: {app: name}}, spec: {containers}}},
  }
}

export function quota(name: string, hard: Record<string, string>, used: Record<string, string> = {}, spec: Partial<NonNullable<ResourceQuota['spec']>> = {}, namespace = 'payments'): ResourceQuota {
  return {apiVersion: 'v1', kind: 'ResourceQuota', metadata: {name, namespace}, spec: {hard, ...spec}, status: {hard, used}}
}
