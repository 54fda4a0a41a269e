import type {ScheduleField} from './schedule-fields.js'

/** A parsed `spec.schedule`, optionally bound to a `spec.timeZone`. */
export type Schedule = CronSchedule | EverySchedule

/** Five cron fields (descriptors such as `@daily` included), walked in wall-clock time. */
export interface CronSchedule {
  readonly kind: 'cron'
  readonly expression: string
  /** `spec.timeZone`; undefined means the controller's zone. */
  readonly timeZone: string | undefined
  readonly minute: ScheduleField
  readonly hour: ScheduleField
  readonly dayOfMonth: ScheduleField
  readonly month: ScheduleField
  readonly dayOfWeek: ScheduleField
}

/** `@every <duration>`: a fixed interval from the previous run, blind to zones and DST. */
export interface EverySchedule {
  readonly kind: 'every'
  readonly expression: string
  readonly timeZone: string | undefined
  readonly intervalSeconds: number
}
