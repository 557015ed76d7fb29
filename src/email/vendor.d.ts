// Type declarations for the word-list packages that ship without them.
declare module 'role-based-email-addresses' {
  /** Local parts that name a role (admin, info, sales...) rather than a person. */
  const roles: string[];
  export default roles;
}
