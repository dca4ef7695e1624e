// Access tokens as `/login` issues them (contract §1.1), signed here with the shared secret so the
// store side runs without the auth service.
import jwt from 'jsonwebtoken';

/** The apps' own non-production default (libs/config); the scenarios pass it to every app. */
export const DEVELOPMENT_JWT_SECRET = 'shopwire-development-secret-do-not-use-in-production';

export function signToken(email, role, secret = DEVELOPMENT_JWT_SECRET) {
  const nbf = Math.floor(Date.now() / 1000);
  return jwt.sign(
    { sub: email, forename: 'Chaos', surname: 'Monkey', roles: role, type: 'access', nbf, exp: nbf + 3600 },
    secret,
    { algorithm: 'HS256', noTimestamp: true },
  );
}
