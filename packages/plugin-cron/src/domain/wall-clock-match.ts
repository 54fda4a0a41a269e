import type {CivilTime} from './civil-time.js'
import type {CronSchedule} from './schedule.js'

/** robfig dayMatches: both day fields must match when either has the star bit, else either may. */
export function dayMatches(schedule: CronSchedule, wall: CivilTime): boolean {
  const domMatch = schedule.dayOfMonth.allowed[wall.day] === true
  const dowMatch = schedule.dayOfWeek.allowed[wall.weekday] === true
  return schedule.dayOfMonth.star || schedule.dayOfWeek.star ? domMatch && dowMatch : domMatch || dowMatch
}

/** Whether the schedule names this wall-clock minute (seconds ignored). */
export function wallClockMatches(schedule: CronSchedule, wall: CivilTime): boolean {
  return (
    schedule.month.allowed[wall.month] === true &&
    dayMatches(schedule, wall) &&
    schedule.hour.allowed[wall.hour] === true &&
    schedule.minute.allowed[wall.minute] === true
  )
}
