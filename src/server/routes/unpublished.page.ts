/** The front page before any release exists: says so in Russian and English and points the team to the workspace. */
export function renderUnpublishedPage(workspace: string): string {
  return `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Пока ничего не опубликовано · Nothing published yet · Reckon</title></head>
<body>
<main>
<section lang="ru">
<h1>Пока ничего не опубликовано</h1>
<p>Первый выпуск реестра ещё не подготовлен. Когда редакция его опубликует, здесь появится подсчёт с поименным списком.</p>
<p>Для редакции: <a href="${workspace}">вход в рабочее место</a>.</p>
</section>
<hr>
<section lang="en">
<h1>Nothing published yet</h1>
<p>The register's first release has not been cut yet. Once the newsroom publishes one, the count and the list of names appear here.</p>
<p>For the newsroom: <a href="${workspace}">sign in to the workspace</a>.</p>
</section>
</main>
</body></html>`;
}
