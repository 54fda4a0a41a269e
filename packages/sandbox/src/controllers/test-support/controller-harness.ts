import type {KubeObject, ResourceKey} from '../../store/object-store.js'
import type {ControllerOptions} from '../controller-options.js'
import {startControllers} from '../start-controllers.js'
import {FakeStore} from './fake-store.js'
import {ManualClock, settle} from './manual-clock.js'
import {RecordingLogSink} from './recording-log-sink.js'

export interface ControllerHarness {
  clock: ManualClock
  store: FakeStore
  logs: RecordingLogSink
  stop: () => void
}

/** All controllers over a fake store and a manual clock; `existing` objects are stored before the controllers start. */
export async function startControllerHarness(
  options: ControllerOptions & {start?: string; existing?: [ResourceKey, KubeObject][]} = {},
): Promise<ControllerHarness> {
  const clock = new ManualClock(new Date(options.start ?? '2026-03-02T10:00:00Z'))
  const store = new FakeStore(() => clock.now())
  for (const [key, object] of options.existing ?? []) store.create(key, object)
  const logs = new RecordingLogSink()
  const errors: unknown[] = []
  const stop = startControllers(store, clock, logs, {
    podStartDelayMs: 100,
    onError: (_controller, _key, error) => errors.push(error),
    ...options,
  })
  await settle()
  return {
    clock,
    store,
    logs,
    stop: () => {
      stop()
      if (errors.length > 0) throw new Error(`controllers reported errors: ${errors.map(String).join('; ')}`)
    },
  }
}
