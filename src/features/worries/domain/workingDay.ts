/**
 * "Within one working day": the same time on the next working day. Saturday and Sunday are not working
 * days, so an alert on Friday at 15:00 is due on Monday at 15:00; one raised on Saturday is due on Monday
 * at that time of day (earlier than a full working day: for a worry, early errs the right way). Bank
 * holidays are not known here.
 */
export function oneWorkingDayAfter(at: Date): Date {
  const next = new Date(at.getTime());
  do next.setUTCDate(next.getUTCDate() + 1);
  while (next.getUTCDay() === 0 || next.getUTCDay() === 6);
  return next;
}
