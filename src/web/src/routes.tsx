import type { ComponentType } from 'react';
import type { Action } from './session.js';
import { common } from './i18n/common.js';
import type { Dictionary, Lang } from './i18n/i18n.js';
import { SignInPage } from './pages/auth/sign-in.js';
import { HomePage } from './pages/home/home.js';
import { UsersPage } from './pages/admin/users.js';
import { PersonListPage } from './pages/persons/person-list.js';
import { PersonPage } from './pages/persons/person-page.js';
import { IntakePage } from './pages/intake/intake.js';
import { BacklogPage } from './pages/queues/backlog.js';
import { DuplicatesPage } from './pages/queues/duplicates.js';
import { PairPage } from './pages/queues/pair.js';
import { ImportsPage } from './pages/import/imports.js';
import { ImportPage } from './pages/import/import-page.js';
import { EditQueuePage } from './pages/edits/edit-queue.js';
import { queuesText } from './i18n/queues.js';
import { importText } from './i18n/import.js';
import { editsText } from './i18n/edits.js';

// The route table: a page is registered by one line here. `access` is the policy action the role needs
// (src/services/auth/policy.ts; the server checks it again); `nav` puts it in the menu with a label.

export interface PageProps {
  params: Readonly<Record<string, string>>;
}

export interface AppRoute {
  /** Path inside /app, with :params. */
  path: string;
  page: ComponentType<PageProps>;
  /** Open without signing in (only the sign-in page). */
  public?: boolean;
  /** The action the account's role must have to open it; omitted: any signed-in account. */
  access?: Action;
  /** Its label in the navigation; omitted: not in the menu. */
  nav?: (lang: Lang) => string;
}

/** A menu label from an area's dictionary. */
export const label =
  <K extends string>(dict: Dictionary<K>, key: K) =>
  (lang: Lang): string =>
    dict[lang][key];

// One line per page, whatever its length:
// prettier-ignore
export const ROUTES: readonly AppRoute[] = [
  { path: '/sign-in', page: SignInPage, public: true },
  { path: '/', page: HomePage, nav: label(common, 'nav.home') },
  { path: '/persons', page: PersonListPage, access: 'person.read', nav: label(common, 'nav.persons') },
  { path: '/persons/:id', page: PersonPage, access: 'person.read' },
  { path: '/intake', page: IntakePage, access: 'intake.write', nav: label(common, 'nav.intake') },
  { path: '/queues/backlog', page: BacklogPage, access: 'queue.read', nav: label(queuesText, 'nav.backlog') },
  { path: '/queues/duplicates', page: DuplicatesPage, access: 'queue.read', nav: label(queuesText, 'nav.duplicates') },
  { path: '/queues/duplicates/:pairId', page: PairPage, access: 'queue.read' },
  { path: '/queues/edits', page: EditQueuePage, access: 'person.edit.approve', nav: label(editsText, 'nav') },
  { path: '/imports', page: ImportsPage, access: 'import.stage', nav: label(importText, 'nav') },
  { path: '/imports/:id', page: ImportPage, access: 'import.stage' },
  { path: '/admin/users', page: UsersPage, access: 'user.manage', nav: label(common, 'nav.users') },
];
