/** True under CI (CI=true or 1), where tests that would skip for want of a server or data must fail instead. */
export const IN_CI = process.env.CI === 'true' || process.env.CI === '1';
