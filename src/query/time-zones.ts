/** Time-zone words people write after an hour, and their offsets from UTC in hours (standard time). */
export const TZ = '(utc|gmt|z|pst|pdt|pt|est|edt|et|cst|cdt|ct|cet|cest|bst|ist|jst)';
export const TZ_OFFSET: Readonly<Record<string, number>> = {
  utc: 0, gmt: 0, z: 0, pst: -8, pdt: -7, pt: -8, est: -5, edt: -4, et: -5, cst: -6, cdt: -5, ct: -6,
  cet: 1, cest: 2, bst: 1, ist: 5.5, jst: 9,
};
