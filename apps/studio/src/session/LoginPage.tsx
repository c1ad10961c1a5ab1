import { type FormEvent, useState } from 'react';
import { useLocale } from '../i18n/locale.tsx';
import { LanguageSwitch } from '../shell/LanguageSwitch.tsx';
import { ErrorNotice } from '../ui/states.tsx';
import { useSignIn } from './session.ts';

/** Sign in with a user id or email and a password. */
export function LoginPage() {
  const { t } = useLocale();
  const signIn = useSignIn();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ login, password });
  };
  return (
    <main className="login">
      <form className="card login-card" onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">Formboard</h1>
        <p className="muted">{t({ 'zh-CN': '表单、看板与流程', en: 'Forms, boards and workflows' })}</p>
        <label>
          {t({ 'zh-CN': '账号或邮箱', en: 'User id or email' })}
          <input
            name="login"
            autoComplete="username"
            required
            value={login}
            onChange={(event) => setLogin(event.target.value)}
          />
        </label>
        <label>
          {t({ 'zh-CN': '密码', en: 'Password' })}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        {signIn.error ? <ErrorNotice error={signIn.error} /> : null}
        <button type="submit" className="primary" disabled={signIn.isPending}>
          {signIn.isPending
            ? t({ 'zh-CN': '正在登录…', en: 'Signing in…' })
            : t({ 'zh-CN': '登录', en: 'Sign in' })}
        </button>
        <LanguageSwitch />
      </form>
    </main>
  );
}
