export { availabilityBucket } from './availability-bucket';
export { isHoliday, localDate } from './holidays';
export { isOnLeave } from './leave';
export { nextWorkStart } from './next-work-start';
export { quotaWindow, type QuotaWindow } from './quota-window';
export { isWorking, userZone } from './working-hours';
