/** action_id and callback_id values shared by builders and listeners. */
export const ACTION = {
  adjust: 'tokcost_adjust',
  assumptions: 'tokcost_assumptions',
  breakdown: 'tokcost_breakdown',
  compareModes: 'tokcost_compare_modes',
  share: 'tokcost_share',
  homeAsk: 'tokcost_home_ask',
} as const;

export const VIEW = {
  form: 'tokcost_form',
} as const;
