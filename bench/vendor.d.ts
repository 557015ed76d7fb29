// Type declarations for benchmark packages that ship without them.
declare module 'email-deep-validator' {
  export interface EmailDeepValidatorOptions {
    /** Milliseconds for the whole SMTP exchange (default 10000). */
    timeout?: number;
    verifyDomain?: boolean;
    verifyMailbox?: boolean;
  }
  export interface EmailDeepValidatorResult {
    wellFormed: boolean;
    validDomain: boolean | null;
    /** null when the check could not be made (no MX, a connection error, an unknown reply, a timeout). */
    validMailbox: boolean | null;
  }
  export default class EmailValidator {
    constructor(options?: EmailDeepValidatorOptions);
    verify(address: string): Promise<EmailDeepValidatorResult>;
  }
}
