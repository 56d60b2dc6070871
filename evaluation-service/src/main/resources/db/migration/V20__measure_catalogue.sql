-- The measure catalogue teams return data for. Codes are stable identifiers used in returns,
-- CSV uploads, change ideas and events; names and descriptions may be reworded.
CREATE TABLE measure (
    code              varchar(40)  PRIMARY KEY,
    name              varchar(200) NOT NULL,
    description       text         NOT NULL,
    -- OUTCOME, PROCESS or BALANCING
    type              varchar(20)  NOT NULL,
    -- RATE_PER_1000_OCCUPIED_BED_DAYS, PERCENTAGE, MEAN_DAYS or COUNT
    unit              varchar(40)  NOT NULL,
    -- the direction that counts as improvement: INCREASE, DECREASE or NEITHER
    improvement       varchar(20)  NOT NULL,
    -- ETHNIC_CATEGORY (one stratum per NHS ethnic category code) or NONE (one stratum, ALL)
    stratification    varchar(20)  NOT NULL,
    numerator         varchar(300) NOT NULL,
    denominator       varchar(300) NOT NULL,
    CHECK (type IN ('OUTCOME', 'PROCESS', 'BALANCING')),
    CHECK (unit IN ('RATE_PER_1000_OCCUPIED_BED_DAYS', 'PERCENTAGE', 'MEAN_DAYS', 'COUNT')),
    CHECK (improvement IN ('INCREASE', 'DECREASE', 'NEITHER')),
    CHECK (stratification IN ('ETHNIC_CATEGORY', 'NONE'))
);

INSERT INTO measure (code, name, description, type, unit, improvement, stratification,
                     numerator, denominator) VALUES
('RESTRICTIVE_INTERVENTIONS',
 'Restrictive interventions per 1,000 occupied bed days, by ethnic group',
 'Restraint, seclusion and rapid tranquillisation recorded under the Mental Health Units (Use of '
 || 'Force) Act 2018, per 1,000 occupied bed days, as NHS England''s monthly Mental Health '
 || 'Services Data Set statistics publish them (MHS96).',
 'OUTCOME', 'RATE_PER_1000_OCCUPIED_BED_DAYS', 'DECREASE', 'ETHNIC_CATEGORY',
 'Restrictive interventions used in the month on patients of the ward',
 'Occupied bed days in the month'),
('DETENTIONS',
 'Admissions detained under the Mental Health Act, by ethnic group',
 'Share of the month''s admissions that were detentions under the Mental Health Act 1983 '
 || '(nationally, Black people were 3.5 times as likely to be detained as White people in the '
 || 'year to March 2023); compared between ethnic groups as rate ratios.',
 'OUTCOME', 'PERCENTAGE', 'DECREASE', 'ETHNIC_CATEGORY',
 'Admissions in the month detained under the Act (on admission or while in hospital)',
 'Admissions in the month'),
('CARE_PLANS_CO_PRODUCED',
 'Care plans co-produced with the patient, by ethnic group',
 'Share of care plans reviewed in the month that the patient co-produced (their views and '
 || 'words recorded in the plan), the kind of evidence the Patient and Carer Race Equality '
 || 'Framework asks trusts for.',
 'PROCESS', 'PERCENTAGE', 'INCREASE', 'ETHNIC_CATEGORY',
 'Care plans reviewed in the month that were co-produced with the patient',
 'Care plans reviewed in the month'),
('LENGTH_OF_STAY',
 'Mean length of stay of patients discharged, by ethnic group',
 'Mean length of stay in days of the patients discharged in the month, counted from admission '
 || 'to discharge.',
 'OUTCOME', 'MEAN_DAYS', 'DECREASE', 'ETHNIC_CATEGORY',
 'Total days in hospital of the patients discharged in the month',
 'Patients discharged in the month'),
('ASSAULTS_ON_STAFF',
 'Physical assaults on staff per 1,000 occupied bed days',
 'Balancing measure: reducing restrictive interventions must not leave staff less safe. '
 || 'Physical assaults on staff reported in the month per 1,000 occupied bed days.',
 'BALANCING', 'RATE_PER_1000_OCCUPIED_BED_DAYS', 'DECREASE', 'NONE',
 'Physical assaults on staff reported in the month',
 'Occupied bed days in the month');
