import type { QuotaPeriod } from '../../compiler/ir';
/** One quota window: `key` names it in state (`daily:2026-11-23`), `[startMs, endMs)` bounds it. */
export interface QuotaWindow {
    key: string;
    startMs: number;
    endMs: number;
}
/** The window of `period` containing `atMs`, in `zone`; `total` is one window over all time. */
export declare function quotaWindow(period: QuotaPeriod, zone: string, atMs: number): QuotaWindow;
