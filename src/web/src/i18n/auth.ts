import { dictionary } from './i18n.js';

/** The sign-in page. */
export const authText = dictionary({
  en: {
    title: 'Sign in',
    intro:
      "For the newsroom's editors and volunteers. Readers: the public tally is at the site's front page.",
    username: 'Username',
    password: 'Password',
    totp: 'One-time code',
    totpHint: 'Editors and admins: the 6-digit code from your authenticator app.',
    submit: 'Sign in',
    submitting: 'Signing in…',
    wrong: 'Wrong username, password or code. Editors and admins need the one-time code.',
    throttled: 'Too many failed attempts. Wait {seconds} s, then try again (nothing is locked).',
    required: 'Enter your username and password.',
  },
  ru: {
    title: 'Вход',
    intro: 'Для редакторов и волонтёров редакции. Читателям: публичный счёт — на главной странице сайта.',
    username: 'Имя пользователя',
    password: 'Пароль',
    totp: 'Одноразовый код',
    totpHint: 'Редакторам и администраторам: 6 цифр из приложения-аутентификатора.',
    submit: 'Войти',
    submitting: 'Входим…',
    wrong: 'Неверное имя, пароль или код. Редакторам и администраторам нужен одноразовый код.',
    throttled:
      'Слишком много неудачных попыток. Подождите {seconds} с и попробуйте снова (ничего не заблокировано).',
    required: 'Введите имя пользователя и пароль.',
  },
});
