export { createViewStore } from './create-view-store.js';
export type { ViewStore } from './create-view-store.js';
export { ACTIVITY_FILTERS, cardKey } from './view-store-types.js';
export { selectTurnLayout } from './select-visible-items.js';
export type { TurnLayout } from './select-visible-items.js';
export type { ActivityFilter, DiffLayout, SearchRequest, ViewStoreState } from './view-store-types.js';
