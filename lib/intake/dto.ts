/** What the intake API returns and the /intake page shows (plain data: no schema, no DB types). */

export interface IntakeFeatureDto {
  key: string;
  label: string;
  weight: number;
  matches: string[];
}

export interface IntakePassageDto {
  index: number;
  text: string;
  headline: boolean;
  locator: string;
}

export interface IntakeMatchDto {
  claimId: string;
  title: string;
  similarity: number;
}

export interface IntakeCandidateDto {
  rank: number;
  score: number;
  features: IntakeFeatureDto[];
  passages: IntakePassageDto[];
  matches: IntakeMatchDto[];
}

export interface IntakeResultDto {
  lang: string;
  langDetected: boolean;
  title: string | null;
  sentenceCount: number;
  candidateCount: number;
  /** The top candidates (at most `top`), best first. */
  candidates: IntakeCandidateDto[];
}
