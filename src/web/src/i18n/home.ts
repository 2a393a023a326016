import { dictionary } from './i18n.js';

/** The start page. */
export const homeText = dictionary({
  en: {
    title: 'Workspace',
    hello: 'Hello, {name}.',
    'intro.viewer': 'You can read the register: search persons and open their sources and history.',
    'intro.contributor':
      'Add a source you found, upload its evidence, and record the persons it names. An editor confirms them.',
    'intro.verifier':
      'Confirm, reject or dispute reported deaths, resolve duplicates, and merge or split persons.',
    'intro.admin': 'You manage accounts and can do everything an editor can.',
    whatNext: 'Where to start',
  },
  ru: {
    title: 'Рабочее место',
    hello: 'Здравствуйте, {name}.',
    'intro.viewer': 'Вы можете читать реестр: искать людей, смотреть их источники и историю.',
    'intro.contributor':
      'Добавьте найденный источник, загрузите доказательства и запишите названных в нём людей. Редактор их подтвердит.',
    'intro.verifier':
      'Подтверждайте, отклоняйте или оспаривайте сообщения о гибели, разбирайте дубликаты, объединяйте и разделяйте записи.',
    'intro.admin': 'Вы управляете учётными записями и можете всё, что может редактор.',
    whatNext: 'С чего начать',
  },
});
