/**
 * Mantine's yellow text (yellow 9, #e67700) is under 3:1 on white and on its own light
 * background; "waiting" states use this dark amber instead (over 7:1 on both).
 */
export const WAITING_TEXT = '#7a4100';
