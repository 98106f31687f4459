// Calendars: pure time functions over the directory's workdays, holidays and leave,
// and the quota windows. Everything takes instants (epoch ms) and IANA zone names.
export { availabilityBucket } from './availability-bucket';
export { isHoliday, localDate } from './holidays';
export { isOnLeave } from './leave';
export { nextWorkStart } from './next-work-start';
export { quotaWindow, type QuotaWindow } from './quota-window';
export { isWorking, userZone } from './working-hours';
