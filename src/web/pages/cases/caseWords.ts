import dayjs from 'dayjs';

/** A moment as the case's records show it: the day and the time. */
export const when = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

/** 1 serious concern … 5 no concern: the lower the score, the warmer its colour. */
export const SCORE_COLOURS: Record<number, string> = { 1: 'red', 2: 'volcano', 3: 'gold', 4: 'cyan', 5: 'green' };
export const SCORES = [1, 2, 3, 4, 5] as const;
