import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { createApi, unwrap } from './api/client';
import { saveSession, type Scope } from './api/session';
import { ErrorNote } from './ui/ErrorNote';

// no session's token on these calls: a failed sign-in must not end anyone's session
const anonymous = createApi(null);

/** Signs in (and, for a new shopper, signs up first); the session goes to `scope`. */
export function SignIn({
  scope,
  signUp = false,
  onSignedIn,
  title,
}: {
  scope: Scope;
  signUp?: boolean;
  onSignedIn: () => void;
  title: string;
}) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [name, setName] = useState('');
  const submit = useMutation({
    mutationFn: async () => {
      if (signUp) {
        await unwrap(anonymous.POST('/api/v1/auth/register', { body: { email, password, name } }));
      }
      const login = await unwrap(anonymous.POST('/api/v1/auth/login', { body: { email, password } }));
      saveSession(scope, {
        token: login.accessToken ?? '',
        expiresAt: Date.now() + (login.expiresIn ?? 3600) * 1000,
        email,
      });
    },
    onSuccess: onSignedIn,
  });
  return (
    <form
      className="sign-in"
      onSubmit={(event) => {
        event.preventDefault();
        submit.mutate();
      }}
    >
      <h1>{title}</h1>
      {signUp && (
        <label>
          Name
          <input value={name} onChange={(e) => setName(e.target.value)} required autoComplete="name" />
        </label>
      )}
      <label>
        Email
        <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} required autoComplete="email" />
      </label>
      <label>
        Password
        <input
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
          minLength={signUp ? 10 : undefined}
          autoComplete={signUp ? 'new-password' : 'current-password'}
        />
      </label>
      <ErrorNote error={submit.error} />
      <button type="submit" className="primary wide" disabled={submit.isPending}>
        {signUp ? 'Create account' : 'Sign in'}
      </button>
    </form>
  );
}
