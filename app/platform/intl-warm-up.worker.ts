import { TIME_FORMAT } from '../i18n/time-format'

/**
 * Builds, and throws away, what the first screen's Intl objects need: the first date formatter
 * a process builds loads the time zone and calendar data, 30 to 60 ms on a slow machine, and the
 * page's own formatter then takes under a millisecond (see intl-warm-up.ts).
 */
addEventListener('message', (event: MessageEvent<string>) => {
  new Intl.DateTimeFormat(event.data, TIME_FORMAT).format(Date.now())
  new Intl.Collator(event.data).compare('a', 'b')
  close()
})
