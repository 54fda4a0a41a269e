import {civilFromSeconds, secondsFromCivil} from './civil-time.js'
import type {CivilTime} from './civil-time.js'
import {zoneOffsets} from './zone-offsets.js'
import type {ZoneOffsets} from './zone-offsets.js'

/** Go's time.Time operations that depend on a Location, on unix seconds. */
export class ZoneClock {
  private readonly offsets: ZoneOffsets

  constructor(timeZone: string) {
    this.offsets = zoneOffsets(timeZone)
  }

  offsetAt(unixSeconds: number): number {
    return this.offsets.offsetAt(unixSeconds)
  }

  /** See ZoneOffsets.offsetChangeAfter: until then, adding n seconds moves the wall clock by n seconds. */
  offsetChangeAfter(unixSeconds: number): number {
    return this.offsets.offsetChangeAfter(unixSeconds)
  }

  /** The first instant after `unixSeconds`, and no later than `untilSeconds`, at which the offset changes. */
  offsetTransitionAfter(unixSeconds: number, untilSeconds: number): number | undefined {
    return this.offsets.transitionsBetween(unixSeconds + 1, untilSeconds + 1)[0]?.at
  }

  /** t.Year(), t.Month(), ... of t.In(zone). */
  wallClock(unixSeconds: number): CivilTime {
    return civilFromSeconds(unixSeconds + this.offsets.offsetAt(unixSeconds))
  }

  /**
   * Go's time.Date: the wall time is read as UTC, its offset looked up there, and looked up again at the
   * corrected instant when that falls in another period. So a time in a spring-forward gap moves by the
   * gap, forward east of UTC (Berlin 02:30 → 03:30 CEST) and back west of it (New York 02:30 → 01:30
   * EST); a repeated time resolves to the first instant (New York 01:30 → EDT) except where the later
   * offset is zero (London 01:30 → GMT).
   */
  date(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
    const wall = secondsFromCivil(year, month, day, hour, minute, second)
    const guess = this.offsets.offsetAt(wall)
    return guess === 0 ? wall : wall - this.offsets.offsetAt(wall - guess)
  }

  /** Go's t.AddDate(0, months, days): the wall clock moved by calendar units, then resolved as Date does. */
  addDate(unixSeconds: number, months: number, days: number): number {
    const t = this.wallClock(unixSeconds)
    return this.date(t.year, t.month + months, t.day + days, t.hour, t.minute, t.second)
  }
}
