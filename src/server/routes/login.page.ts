/**
 * The analysts' sign-in page: a plain form; /login.js sends it as JSON with the CSRF header (no inline script),
 * then goes to `next` (the workspace app at /app/ when it is built, else the register page).
 */
export function renderLoginPage(next: '/app/' | '/register' = '/register'): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in · Reckon</title><script src="/login.js" defer></script></head>
<body>
<h1>Reckon: sign in</h1>
<p>For the newsroom's editors and volunteers. Readers: the public tally is at <a href="/">/</a>.${next === '/app/' ? ' The workspace: <a href="/app/">/app/</a>.' : ''}</p>
<form id="login" method="post" action="/api/auth/login" data-next="${next}">
<p><label>Username <input name="username" autocomplete="username" required></label></p>
<p><label>Password <input name="password" type="password" autocomplete="current-password" required></label></p>
<p><label>One-time code (editors and admins) <input name="totp" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}"></label></p>
<p><button>Sign in</button></p>
<p id="login-error" role="alert" hidden>Wrong username, password or code, or too many attempts: wait and try again.</p>
</form>
</body></html>`;
}

/** The script of the sign-in page. */
export const LOGIN_SCRIPT = `document.getElementById('login').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const body = { username: form.get('username'), password: form.get('password') };
  if (form.get('totp')) body.totp = form.get('totp');
  const res = await fetch('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Reckon-CSRF': '1' }, body: JSON.stringify(body) });
  if (res.ok) window.location.assign(event.target.dataset.next === '/app/' ? '/app/' : '/register');
  else document.getElementById('login-error').hidden = false;
});
`;
