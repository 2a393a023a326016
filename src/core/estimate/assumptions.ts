/** Plain-words assumptions shared by every multiple systems estimate. */
export const MSE_COMMON_ASSUMPTIONS = [
  'Closed population: the deaths counted all belong to the same period and place; nobody enters or leaves the population during it.',
  'Linkage is correct: each person is matched across lists without missed matches or false matches (linkage errors bias the estimate).',
  'Every person in the population had some chance of appearing on each list.',
] as const;

export const LOGLINEAR_ASSUMPTIONS = [
  'Dependence between lists is captured by the interaction terms of the chosen log-linear model (chosen by BIC); no higher-order interaction than the model allows exists among the unseen.',
  'The 95% interval is a profile-likelihood interval for that one model; it does not include the uncertainty of choosing the model.',
] as const;

export const LCMCR_ASSUMPTIONS = [
  'People differ in how visible they are: a latent-class model (Dirichlet process mixture) absorbs this heterogeneity and dependence between lists that it causes.',
  'The interval is a Bayesian 95% credible interval from a seeded Markov chain; other seeds give slightly different figures.',
] as const;

export const DGA_ASSUMPTIONS = [
  'Dependence between lists follows one of the decomposable graphical models; the estimate averages over all of them weighted by how well each fits (Madigan–York).',
  'The interval is a Bayesian 95% credible interval under a hyper-Dirichlet prior and a 1/N prior on the total.',
] as const;

export const REGISTRY_ASSUMPTIONS = [
  'Excess deaths of men in the registry over the expected number (from earlier years and from women\u2019s deaths) are deaths caused by the war.',
  'The named persons found in the registry are a fair sample of all war deaths within each age band, so the share found estimates the registry\u2019s coverage.',
  'The interval comes from a bootstrap over the registry counts and the named-person sample; it does not include errors in the baseline model.',
] as const;
