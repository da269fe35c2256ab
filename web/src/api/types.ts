// Names for the API's shapes, taken from the OpenAPI document the API serves (openapi.json, kept in
// step with the API by the api-node's contract test; `npm run generate` writes schema.d.ts).
import type { components } from './schema';

type Schemas = components['schemas'];

export type Money = { amount?: number; currency?: string };
export type Store = Schemas['StoreView'];
export type SearchResponse = Schemas['SearchResponse'];
export type ProductSummary = Schemas['ProductSummary'];
export type ProductDetail = Schemas['ProductDetail'];
export type Suggestion = Schemas['Suggestion'];
export type Cart = Schemas['CartView'];
export type CartLine = Schemas['CartLine'];
export type PriceBreakdown = Schemas['PriceBreakdown'];
export type VoucherVerdict = Schemas['VoucherVerdict'];
export type Order = Schemas['OrderView'];
export type OrderStatus = NonNullable<Order['status']>;
export type OrderEvent = Schemas['OrderEvent'];
export type OrderPage = Schemas['OrderPage'];
export type Profile = Schemas['Profile'];
export type Review = Schemas['ReviewView'];
export type ReviewPage = Schemas['ReviewPage'];
export type StockLevel = Schemas['StockView'];
export type StockPage = Schemas['StockPage'];
export type AdjustmentReason = NonNullable<Schemas['Adjustment']['reason']>;
export type PaymentSetup = Schemas['BrowserPayments'];
export type Substitution = Schemas['Substitution'];
export type PickList = Schemas['PickList'];
export type PickItem = Schemas['PickItem'];
export type ReadyToGo = Schemas['ReadyToGo'];
export type ReadyOrder = Schemas['ReadyOrder'];
