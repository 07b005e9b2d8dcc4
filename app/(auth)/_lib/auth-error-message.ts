/**
 * What to tell a person Auth.js sent back to /signin?error=<type>. Types are Auth.js error class names.
 * Returns null for unknown values so a tampered URL shows nothing odd.
 */
export function authErrorMessage(type: string | undefined): string | null {
  if (!type) return null;
  switch (type) {
    case 'Verification':
      return 'That sign-in link has expired or was already used. Ask for a new one below.';
    case 'AccessDenied':
      // Also a used-up link of an address without an account; never says which addresses have accounts.
      return 'That sign-in link cannot be used. Ask for a new one below, or ask your workspace admin for an invitation.';
    case 'CredentialsSignin':
      return 'Wrong email or password.';
    case 'EmailSignin':
    case 'EmailSignInError':
      return 'We could not send the sign-in email. Try again in a minute, or sign in with your password.';
    case 'TooManyRequests':
      return 'Too many requests. Wait a few minutes and try again.';
    case 'SessionRequired':
      return 'Sign in to continue.';
    case 'Configuration':
      return 'Sign-in is not working on this server right now. Try again later or contact your administrator.';
    default:
      return 'Something went wrong while signing you in. Try again.';
  }
}
