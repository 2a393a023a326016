import { Hono } from 'hono';
import type { Db } from '../../db/database.js';
import { personListQuerySchema } from '../../services/person/person.schemas.js';
import { getPersonDetail, searchPersons } from '../../services/person/person.service.js';

/** /api/persons: list and detail (read-only until accounts land; see docs/api.md). */
export function personRoutes(db: Db): Hono {
  const app = new Hono();
  app
    .get('/', async (c) => {
      const parsed = personListQuerySchema.safeParse(c.req.query());
      if (!parsed.success) return c.json({ error: 'bad query', issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) }, 400);
      return c.json({ persons: await searchPersons(db, parsed.data) });
    })
    .get('/:id', async (c) => c.json(await getPersonDetail(db, c.req.param('id'))));
  return app;
}
