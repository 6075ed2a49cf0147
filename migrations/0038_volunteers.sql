-- Volunteers and the time bank (issue 11, DESIGN 3.9): who volunteers, the sessions they sign
-- up for, the hours their organizer verified, and a ledger of points earned and spent at the
-- community or at partner shops.

create table volunteer_settings (
  district_id uuid primary key references districts (id),
  -- Verified hours for one to five stars, strictly increasing.
  star_hours integer[] not null default array[100, 300, 600, 1000, 1500]
    check (cardinality(star_hours) = 5 and array_position(star_hours, null) is null),
  -- Points a verified hour earns; even, so that a half hour earns whole points.
  points_per_hour integer not null default 10 check (points_per_hour between 2 and 100 and points_per_hour % 2 = 0),
  updated_by uuid references users (id),
  updated_at timestamptz not null default now()
);

-- A volunteer: a resident of the register or another person (then named here, the phone sealed
-- with the platform's PII key). Home community is where they registered; service areas are
-- the communities where they take shifts.
create table volunteers (
  district_id uuid not null references districts (id),
  id uuid not null,
  street_id uuid not null references streets (id),
  community_id uuid not null,
  resident_id uuid,
  user_id uuid references users (id),
  name text not null default '' check (length(name) <= 50),
  phone bytea,
  phone_last4 text not null default '' check (length(phone_last4) <= 4),
  skills text[] not null default '{}' check (cardinality(skills) <= 12),
  availability text[] not null default '{}' check (cardinality(availability) <= 21),
  service_community_ids uuid[] not null check (cardinality(service_community_ids) between 1 and 20),
  note text not null default '' check (length(note) <= 500),
  status text not null default 'active' check (status in ('active', 'paused', 'left')),
  registered_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  primary key (district_id, id),
  foreign key (community_id) references communities (id),
  foreign key (district_id, resident_id) references residents (district_id, id),
  -- a resident is named by the register; another person by this row
  check ((resident_id is null) = (length(name) > 0))
);
create index volunteers_id on volunteers (id);
create unique index volunteers_resident on volunteers (district_id, resident_id) where resident_id is not null;
create index volunteers_user on volunteers (user_id) where user_id is not null;
create index volunteers_community on volunteers (district_id, community_id);
create index volunteers_areas on volunteers using gin (service_community_ids);

-- A volunteer signed up for an activity's session (a shift).
create table volunteer_signups (
  district_id uuid not null references districts (id),
  session_id uuid not null,
  volunteer_id uuid not null,
  signed_up_by uuid not null references users (id),
  signed_up_at timestamptz not null default now(),
  primary key (district_id, session_id, volunteer_id),
  foreign key (district_id, session_id) references activity_sessions (district_id, id),
  foreign key (district_id, volunteer_id) references volunteers (district_id, id)
);
create index volunteer_signups_volunteer on volunteer_signups (district_id, volunteer_id);

-- Hours served at a session: claimed by the volunteer or entered by the organizer, counted
-- only once the organizer verified them.
create table volunteer_hours (
  district_id uuid not null references districts (id),
  id uuid not null,
  session_id uuid not null,
  volunteer_id uuid not null,
  minutes integer not null check (minutes between 30 and 720 and minutes % 30 = 0),
  status text not null check (status in ('claimed', 'verified', 'rejected')),
  served_on date not null,
  recorded_by uuid not null references users (id),
  recorded_at timestamptz not null default now(),
  decided_by uuid references users (id),
  decided_at timestamptz,
  reject_reason text not null default '' check (length(reject_reason) <= 200),
  primary key (district_id, id),
  unique (district_id, session_id, volunteer_id),
  foreign key (district_id, session_id) references activity_sessions (district_id, id),
  foreign key (district_id, volunteer_id) references volunteers (district_id, id),
  check ((status = 'claimed') = (decided_at is null)),
  check ((status = 'rejected') = (length(reject_reason) > 0))
);
create index volunteer_hours_id on volunteer_hours (id);
create index volunteer_hours_volunteer on volunteer_hours (district_id, volunteer_id, served_on);

-- A partner shop (爱心商家) of a community and the accounts that confirm its redemptions.
create table time_bank_partners (
  district_id uuid not null references districts (id),
  id uuid not null,
  street_id uuid not null references streets (id),
  community_id uuid not null,
  name text not null check (length(name) between 1 and 60),
  address text not null default '' check (length(address) <= 120),
  active boolean not null default true,
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  primary key (district_id, id),
  foreign key (community_id) references communities (id)
);
create index time_bank_partners_id on time_bank_partners (id);
create table time_bank_partner_staff (
  district_id uuid not null,
  partner_id uuid not null,
  user_id uuid not null references users (id),
  primary key (district_id, partner_id, user_id),
  foreign key (district_id, partner_id) references time_bank_partners (district_id, id)
);
create index time_bank_partner_staff_user on time_bank_partner_staff (user_id);

-- What points buy: a service or goods of the community (no partner) or of a partner shop.
create table time_bank_offers (
  district_id uuid not null references districts (id),
  id uuid not null,
  street_id uuid not null references streets (id),
  community_id uuid not null,
  partner_id uuid,
  title text not null check (length(title) between 1 and 60),
  description text not null default '' check (length(description) <= 500),
  points integer not null check (points between 1 and 100000),
  -- null: no limit
  stock integer check (stock >= 0),
  active boolean not null default true,
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  primary key (district_id, id),
  foreign key (community_id) references communities (id),
  foreign key (district_id, partner_id) references time_bank_partners (district_id, id)
);
create index time_bank_offers_id on time_bank_offers (id);
create index time_bank_offers_community on time_bank_offers (district_id, community_id);

-- A redemption holds the points when asked for; the provider confirms it, or declines it and
-- the points come back (so does a volunteer's cancellation).
create table time_bank_redemptions (
  district_id uuid not null references districts (id),
  id uuid not null,
  volunteer_id uuid not null,
  offer_id uuid not null,
  points integer not null check (points > 0),
  status text not null default 'requested' check (status in ('requested', 'confirmed', 'declined', 'cancelled')),
  requested_by uuid not null references users (id),
  requested_at timestamptz not null default now(),
  decided_by uuid references users (id),
  decided_at timestamptz,
  decline_reason text not null default '' check (length(decline_reason) <= 200),
  primary key (district_id, id),
  foreign key (district_id, volunteer_id) references volunteers (district_id, id),
  foreign key (district_id, offer_id) references time_bank_offers (district_id, id),
  check ((status = 'requested') = (decided_at is null))
);
create index time_bank_redemptions_id on time_bank_redemptions (id);
create index time_bank_redemptions_volunteer on time_bank_redemptions (district_id, volunteer_id, requested_at);
create index time_bank_redemptions_offer on time_bank_redemptions (district_id, offer_id, status);

-- The ledger: every change of a volunteer's points, numbered per volunteer with the balance
-- after it. A balance exists only as the last entry; it can never go below zero, and two
-- writers cannot both append the same number.
create table time_bank_entries (
  district_id uuid not null references districts (id),
  volunteer_id uuid not null,
  seq integer not null check (seq >= 1),
  kind text not null check (kind in ('earn', 'redeem', 'refund')),
  points integer not null check (points <> 0),
  balance_after integer not null check (balance_after >= 0),
  hours_id uuid,
  redemption_id uuid,
  at timestamptz not null default now(),
  by_user uuid not null references users (id),
  primary key (district_id, volunteer_id, seq),
  foreign key (district_id, volunteer_id) references volunteers (district_id, id),
  check ((kind = 'earn') = (hours_id is not null) and (kind = 'earn') = (redemption_id is null)),
  check ((kind = 'earn') = (points > 0) or kind = 'refund'),
  check (kind <> 'refund' or points > 0)
);
-- each verified stretch earns once; each redemption is debited once and refunded at most once
create unique index time_bank_entries_hours on time_bank_entries (district_id, hours_id) where hours_id is not null;
create unique index time_bank_entries_redemption on time_bank_entries (district_id, redemption_id, kind) where redemption_id is not null;
