import type { components } from './schema';

type S = components['schemas'];
export type Campaign = S['CampaignResponse'];
export type CampaignRequest = S['CampaignRequest'];
export type Promotion = S['PromotionResponse'];
export type PromotionRequest = S['PromotionRequest'];
export type ValidateResponse = S['ValidateResponse'];
export type OffersResponse = S['OffersResponse'];
export type Explanation = S['ConditionExplanation'];
export type Report = S['AnalyticsReport'];
export type FigureRow = S['FigureRow'];
export type StageReport = S['StageReport'];
export type CodeJob = S['CodeJobResponse'];
export type Customer = S['CustomerResponse'];
export type Segment = S['SegmentResponse'];
export type Asset = S['AssetResponse'];
export type Redemption = S['RedemptionResponse'];
export type Status = S['LifecycleStatus'];
