import crypto from 'node:crypto';
import type { DemoData } from './demo-model.ts';
import { generateAccounts, generateOrganizations, generateSocialWorkers } from './demo-people.ts';
import { DISTRICT, generateTerritory, STREET } from './demo-territory.ts';
import { Rng } from './prng.ts';

export const DEMO_SEED = 'sanshe-demo-jiangbei-v1';

/**
 * The reference year anchors ages and dates (Wang Guifang is 78, the community organization
 * was filed last year); the same seed and year give identical data (docs/decisions/0001-demo-reference-year.md).
 */
export function defaultReferenceYear(now = new Date()): number {
  // The year in China (UTC+8), whatever the server's time zone.
  return new Date(now.getTime() + 8 * 3600_000).getUTCFullYear();
}

export function generateDemo(referenceYear = defaultReferenceYear(), seed = DEMO_SEED): DemoData {
  const rng = new Rng(seed);
  const { communities, story, maker } = generateTerritory(rng, referenceYear);
  const organizations = generateOrganizations(rng, referenceYear);
  const socialWorkers = generateSocialWorkers(rng, maker);
  const accounts = generateAccounts({
    communityCode: story.communityCode,
    address: story.address,
    daughterIdNumber: story.daughter.idNumber,
  });
  return { referenceYear, district: DISTRICT, street: STREET, communities, organizations, socialWorkers, accounts };
}

/** SHA-256 over the plain generated data: equal digests mean identical demo data. */
export function demoDigest(data: DemoData): string {
  return crypto.createHash('sha256').update(JSON.stringify(data)).digest('hex');
}
