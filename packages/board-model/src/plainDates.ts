/**
 * Dates as people read them, on screen and in reports: "31 January 2027", never "2027-01-31". One
 * formatter for the browser and the server, so a due date reads the same on a card and in the Word
 * report. CSV and JSON keep ISO dates: they are for machines and spreadsheets.
 */
const dateOnly = /^\d{4}-\d{2}-\d{2}$/

// A date with no time ("2027-01-31") is that calendar day wherever the reader is; a moment (an ISO
// time or milliseconds) is the day it was in the UK, where the assessments are run.
const calendarDay = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
})
const ukDay = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
})

/** "31 January 2027" from "2027-01-31", an ISO time, milliseconds or a Date; unreadable input is returned as given. */
export function plainDate(value: string | number | Date): string {
  if (typeof value === 'string' && dateOnly.test(value)) {
    const day = new Date(`${value}T00:00:00Z`)
    return Number.isNaN(day.getTime()) ? value : calendarDay.format(day)
  }
  const moment = value instanceof Date ? value : new Date(value)
  return Number.isNaN(moment.getTime()) ? String(value) : ukDay.format(moment)
}
