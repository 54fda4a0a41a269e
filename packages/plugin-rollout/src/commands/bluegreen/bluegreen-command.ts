import {KubeCommand} from '@kubeline/core'
import {blueGreenStatus} from '../../domain/bluegreen-status.js'
import type {BlueGreenState} from '../../domain/bluegreen-release.js'
import {blueGreenStatusView} from '../../render/bluegreen-status-view.js'
import type {BlueGreenObjects} from '../../services/bluegreen-objects.js'
import {requireBlueGreen} from '../../services/bluegreen-objects.js'

const OUTPUTS = ['table', 'json', 'yaml', 'name'] as const

/** What the bluegreen commands share: how a result is printed. */
export abstract class BlueGreenCommand extends KubeCommand {
  /** Print the release as it stands; `finished` is the last state once `finish` has removed it. */
  protected show(objects: BlueGreenObjects, output: string, finished?: BlueGreenState): void {
    const state = finished ?? requireBlueGreen(objects)
    this.print(blueGreenStatusView(blueGreenStatus(objects.stable, state, objects.green, finished === undefined)), output, OUTPUTS)
  }
}
