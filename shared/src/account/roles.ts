/** Roles without zod: the mini-program's main package imports these, and stays small. */
export const ROLES = ['SP_ADMIN', 'MERCHANT_ADMIN', 'LIVE_HOST', 'STORE_STAFF'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  SP_ADMIN: '服务商管理员',
  MERCHANT_ADMIN: '商户管理员',
  LIVE_HOST: '直播主播',
  STORE_STAFF: '门店店员',
};
