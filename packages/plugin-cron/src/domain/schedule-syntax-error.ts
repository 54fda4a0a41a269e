/**
 * A schedule rejected by the cron parser. The message is robfig/cron's own reason, word for word,
 * because that is what the API server answers; parseSchedule wraps it into a UsageError.
 */
export class ScheduleSyntaxError extends Error {
  override readonly name = 'ScheduleSyntaxError'
}
