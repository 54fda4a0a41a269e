import type {CronSchedule, Schedule} from './schedule.js'
import {dayMatches} from './wall-clock-match.js'
import {ZoneClock} from './zone-clock.js'

const SECONDS_PER_DAY = 86_400

/**
 * robfig/cron v3.0.1 `Next(t)`: the first run strictly after `fromMs` (unix milliseconds), or
 * undefined when none falls within five years. A port of SpecSchedule.Next (spec.go), which
 * walks month, day, hour, minute and second of the wall clock in `timeZone`, restarting from the
 * month whenever a field wraps (hour and minute steps are taken several at once where the zone's offset
 * cannot change, which lands where the single steps would). Its DST behaviour follows from that walk
 * and from Go's time.Date:
 *  - a time in a spring-forward gap never fires (`30 2 * * *` skips that day);
 *  - a time in a repeated hour fires twice (`0 1 * * *` → 01:00 EDT and 01:00 EST);
 *  - on a day whose midnight does not exist (Sao Paulo until 2018, Tehran) the day step lands on
 *    01:00 and is pulled back an hour, which can skip the whole day for day-restricted schedules;
 *  - Lord Howe's 30-minute shift makes the hour step skip some times (`0 2 * * sun` on 2024-04-07).
 *
 * One divergence: robfig never returns when its day step has to cross a day that the zone skipped by moving
 * east across the date line (Kiritimati and Kanton 1994-12-31, Apia and Fakaofo 2011-12-30, Kwajalein
 * 1993-08-21; Manila, Guam, Saipan, Kosrae and Palau 1844-12-31). Here the walk goes on from the first
 * instant after the skipped day and returns the next run that exists.
 */
export function nextRunAfter(schedule: Schedule, timeZone: string, fromMs: number): number | undefined {
  const fromSecond = Math.floor(fromMs / 1000)
  if (schedule.kind === 'every') return (fromSecond + schedule.intervalSeconds) * 1000
  const next = nextCronSecond(schedule, new ZoneClock(timeZone), fromSecond + 1)
  return next === undefined ? undefined : next * 1000
}

function nextCronSecond(schedule: CronSchedule, clock: ZoneClock, start: number): number | undefined {
  if (!schedule.minute.values.length || !schedule.hour.values.length || !schedule.month.values.length) return undefined
  let t = start
  let wall = clock.wallClock(t)
  let added = false
  const yearLimit = wall.year + 5
  const move = (to: number): void => {
    t = to
    wall = clock.wallClock(t)
  }

  wrap: for (;;) {
    if (wall.year > yearLimit) return undefined

    while (!schedule.month.allowed[wall.month]) {
      if (!added) {
        added = true
        move(clock.date(wall.year, wall.month, 1, 0, 0, 0))
      }
      move(clock.addDate(t, 1, 0))
      if (wall.month === 1) continue wrap
    }

    while (!dayMatches(schedule, wall)) {
      if (!added) {
        added = true
        move(clock.date(wall.year, wall.month, wall.day, 0, 0, 0))
      }
      const dayStart = t
      move(clock.addDate(t, 0, 1))
      // Midnight may not exist (DST at 00:00): step back to the day's start, or on to the next.
      if (wall.hour !== 0) move(wall.hour > 12 ? t + (24 - wall.hour) * 3600 : t - wall.hour * 3600)
      if (t <= dayStart) move(endOfSkippedDay(clock, dayStart))
      if (wall.day === 1) continue wrap
    }

    while (!schedule.hour.allowed[wall.hour]) {
      if (!added) {
        added = true
        move(clock.date(wall.year, wall.month, wall.day, wall.hour, 0, 0))
      }
      move(t + 3600 * stepsAtOnce(clock, t, 3600, stepsToStop(schedule.hour.allowed, wall.hour, 24)))
      if (wall.hour === 0) continue wrap
    }

    while (!schedule.minute.allowed[wall.minute]) {
      if (!added) {
        added = true
        move(t - mod(t, 60))
      }
      move(t + 60 * stepsAtOnce(clock, t, 60, stepsToStop(schedule.minute.allowed, wall.minute, 60)))
      if (wall.minute === 0) continue wrap
    }

    // The seconds field is always 0: robfig steps one second at a time up to the next minute.
    if (wall.second !== 0) {
      added = true
      move(t + 60 - wall.second)
      continue wrap
    }
    return t
  }
}

/**
 * Where the day walk goes on when a step from `dayStart` did not advance, which robfig repeats forever: the
 * next midnight lies in a day the zone skipped, and Go's time.Date reads it with the offset from after the
 * jump, 24 hours back onto `dayStart`. The jump is the first instant of the next day that exists. A step only
 * stands still where time.Date finds a larger offset within three days, so the jump is found; a day on is
 * the fallback the types ask for.
 */
function endOfSkippedDay(clock: ZoneClock, dayStart: number): number {
  return clock.offsetTransitionAfter(dayStart, dayStart + 3 * SECONDS_PER_DAY) ?? dayStart + SECONDS_PER_DAY
}

/**
 * robfig adds an hour (a minute) at a time until the field is allowed, restarting when it wraps to 0:
 * how many steps that takes while each step moves the field by one.
 */
function stepsToStop(allowed: readonly boolean[], value: number, size: number): number {
  let steps = 1
  while ((value + steps) % size !== 0 && allowed[(value + steps) % size] !== true) steps++
  return steps
}

/**
 * Takes `steps` steps of `unitSeconds` in one move when the zone's offset cannot change on the way, so
 * that each step would have moved the wall clock by one unit; else one step, as robfig does. Same
 * result, without a wall-clock reading per minute of the walk.
 */
function stepsAtOnce(clock: ZoneClock, t: number, unitSeconds: number, steps: number): number {
  return steps > 1 && t + steps * unitSeconds < clock.offsetChangeAfter(t) ? steps : 1
}

function mod(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor
}
