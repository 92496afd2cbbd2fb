-- hop schema version 11: the secondments outside the house, found fast.
--
-- Every presence plan (the Week screen, forecasts, team days, the onboarding
-- talks, the demo's bookings) asks for the secondments outside that touch
-- its days.  They are few, but with ten years of assignments a range scan
-- on membership_start reads nearly every membership row (70,000 for 20,000
-- people) on each call.  A partial index over the few rows with a host keeps
-- that look-up to them (the same partial index as SQLite's).
CREATE INDEX membership_away ON membership(start_on) WHERE host IS NOT NULL;
