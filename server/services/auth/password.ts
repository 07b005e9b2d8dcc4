import bcrypt from 'bcryptjs';

// bcryptjs: pure JavaScript, so no native build or platform binary is needed on any machine.
const COST = 11;

export function hashPassword(password: string) {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string | null | undefined) {
  // Compare against a fixed hash when the user has none so both paths take the same time.
  return bcrypt.compare(password, hash ?? '$2b$11$C6UzMDM.H6dfI/f/IKcEeO5jO7FQvO3bXb2r1u2m9x4pSg6rQ9nSa');
}
