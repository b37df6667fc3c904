import 'dayjs/locale/ar-ma'
import 'dayjs/locale/fr'

/**
 * The calendar's month and weekday names in the desk's language. Moroccan Arabic (`ar-ma`)
 * names the months as Moroccan administration does (يناير، فبراير… غشت، شتنبر) and keeps
 * Western digits; weeks start on Monday in every language (the field sets it).
 */
export function calendarLocale(language: string): string {
  if (language === 'ar') return 'ar-ma'
  if (language === 'fr') return 'fr'
  return 'en'
}
