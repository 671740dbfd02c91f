// Every domain's tables in one place, for drizzle's typed query API.
export * from '../import/schema.ts';
export * from '../areas/schema.ts';
export * from '../funds/schema.ts';
export * from '../budgets/schema.ts';
export * from '../staffing/schema.ts';
export * from '../ledger/schema.ts';
export * from '../auth/schema.ts';
export * from '../backoffice/schema.ts';
export * from '../inquiries/schema.ts';
