import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';
import { orders } from '../orders/orders.table';

/** Review rules the shop owner edits; `position` is the evaluation order. */
export const reviewRules = sqliteTable(
  'review_rules',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    position: integer('position').notNull(),
    /** Breaks ties between results of the same severity: higher wins, then earlier position. */
    priority: integer('priority').notNull().default(0),
    conditionJson: text('condition_json').notNull(),
    actionsJson: text('actions_json').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('review_rules_position_idx').on(t.position, t.id)],
);

/** Every review decision, automatic or manual, with the reasons behind it (for order detail and reports). */
export const reviewDecisions = sqliteTable(
  'review_decisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    at: integer('at').notNull(),
    /** approved | held | blocked (rules) · approved | held | cancelled (manual). */
    outcome: text('outcome').notNull(),
    /** 'rules' for `review.run`, 'manual' for the review queue. */
    source: text('source').notNull(),
    reasonsJson: text('reasons_json').notNull().default('[]'),
    ruleIdsJson: text('rule_ids_json').notNull().default('[]'),
    actor: text('actor').notNull(),
    /** Manual review time: from when the reviewer opened the order to the decision. */
    durationMs: integer('duration_ms'),
  },
  // Read only by order (order detail, the held-since time in the review queue): an index on `at`
  // that nothing read cost every one of a run's 100,000 decision inserts a second b-tree write.
  (t) => [index('review_decisions_order_idx').on(t.orderId, t.id)],
);
